import java.io.*;
import java.lang.classfile.*;
import java.lang.classfile.attribute.*;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Translates the arguments of the native-image DRIVER (what Quarkus writes to native-sources/native-image.args)
 * into arguments of the native-image BUILDER (com.oracle.svm.hosted.NativeImageGeneratorRunner), redoing the
 * parts of the driver's work that analysis needs:
 * <ul>
 * <li>-J&lt;x&gt; becomes a JVM option of the builder process; -H:/-R: options pass unchanged;</li>
 * <li>every other option is looked up in the @APIOption annotations of the builder jars (read at run time, so the
 * mapping follows the GraalVM version) and becomes -H:&lt;OptionField&gt;..., value transformers included;</li>
 * <li>-jar: Main-Class, Class-Path, Add-Opens/Add-Exports/Enable-Native-Access of the manifest;</li>
 * <li>META-INF/native-image/** of every class-path entry: native-image.properties (Args, JavaArgs) and the
 * *-config.json / reachability-metadata.json files, honouring --exclude-config.</li>
 * </ul>
 * Usage: java TranslateArgs.java --builder-jars a.jar:b.jar --out DIR (--args-file F | --jar APP.jar) [--base DIR] [-- extra driver args]
 * Writes DIR/jvm.args (builder JVM options) and DIR/builder.args (builder arguments), one per line; prints notes
 * to stderr; exits 2 on a driver option it cannot translate.
 */
public class TranslateArgs {

    /** One @APIOption: a driver option name mapped to a hosted option. */
    record ApiOption(String driverName, String field, boolean isBoolean, boolean negated, List<String> fixedValue,
                    List<String> defaultValue, List<Character> separators, List<String> transformers, String deprecated,
                    boolean grouped) {
    }

    static final Map<String, String> CONFIG_FILE_OPTION = Map.of(
                    "reflect-config.json", "ReflectionConfigurationResources",
                    "proxy-config.json", "DynamicProxyConfigurationResources",
                    "serialization-config.json", "SerializationConfigurationResources",
                    "resource-config.json", "ResourceConfigurationResources",
                    "jni-config.json", "JNIConfigurationResources",
                    "predefined-classes-config.json", "PredefinedClassesConfigurationResources",
                    "reachability-metadata.json", "ReachabilityMetadataResources");

    final List<ApiOption> apiOptions = new ArrayList<>();
    final List<Path> builderJars = new ArrayList<>();
    URLClassLoader builderLoader;

    final List<String> jvm = new ArrayList<>();
    final List<String> builder = new ArrayList<>();
    final List<Path> classPath = new ArrayList<>();
    final List<Pattern[]> excludeConfig = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> positional = new ArrayList<>();
    String mainClass;
    boolean hasJar;
    Path base;
    int propertiesFiles, configFiles, excludedFiles;

    public static void main(String[] args) throws Exception {
        TranslateArgs t = new TranslateArgs();
        Path out = null, argsFile = null, jar = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--builder-jars" -> {
                    for (String p : args[++i].split(File.pathSeparator)) if (!p.isEmpty()) t.builderJars.add(Path.of(p));
                }
                case "--out" -> out = Path.of(args[++i]);
                case "--args-file" -> argsFile = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                case "--base" -> t.base = Path.of(args[++i]);
                case "--" -> {
                    extra.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        t.loadApiOptions();
        List<String> driverArgs = new ArrayList<>();
        if (argsFile != null) {
            if (t.base == null) t.base = argsFile.toAbsolutePath().getParent();
            driverArgs.addAll(tokenize(Files.readString(argsFile)));
        }
        if (t.base == null) t.base = Path.of("").toAbsolutePath();
        driverArgs.addAll(extra);
        if (jar != null) {
            driverArgs.add("-jar");
            driverArgs.add(jar.toAbsolutePath().toString());
        }
        t.translate(driverArgs, null);
        t.finish();
        for (String p : t.problems) System.err.println("native-check: " + p);
        Files.createDirectories(out);
        Files.write(out.resolve("jvm.args"), t.jvm);
        Files.write(out.resolve("builder.args"), t.builder);
        System.err.printf("native-check: translated %d driver arguments; class path %d entries; %d native-image.properties, %d config files (%d excluded by --exclude-config)%n",
                        driverArgs.size(), t.classPath.size(), t.propertiesFiles, t.configFiles, t.excludedFiles);
        if (t.problems.stream().anyMatch(p -> p.startsWith("ERROR"))) System.exit(2);
    }

    // ------------------------------------------------------------------ argument files

    /** Splits an @argfile-style text: whitespace separates, quotes group (backslash escapes only inside quotes), '#' starts a comment line. */
    static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (cur != null) out.add(cur.toString());
                cur = null;
            } else if (c == '#' && cur == null) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else {
                if (cur == null) cur = new StringBuilder();
                if (c == '"' || c == '\'') quote = c;
                else cur.append(c);
            }
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }

    // ------------------------------------------------------------------ @APIOption table

    void loadApiOptions() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : builderJars) {
            urls.add(jar.toUri().toURL());
            try (JarFile jf = new JarFile(jar.toFile())) {
                for (JarEntry en : Collections.list(jf.entries())) {
                    if (!en.getName().endsWith(".class") || en.getName().endsWith("module-info.class")) continue;
                    byte[] bytes = jf.getInputStream(en).readAllBytes();
                    if (!contains(bytes, "Lcom/oracle/svm/core/option/APIOption")) continue;
                    ClassModel cm = ClassFile.of().parse(bytes);
                    for (FieldModel f : cm.fields()) {
                        var attr = f.findAttribute(java.lang.classfile.Attributes.runtimeVisibleAnnotations());
                        if (attr.isEmpty()) continue;
                        String sig = f.findAttribute(java.lang.classfile.Attributes.signature()).map(s -> s.signature().stringValue()).orElse("");
                        boolean isBoolean = sig.contains("<Ljava/lang/Boolean;>");
                        for (Annotation a : attr.get().annotations()) {
                            String d = a.className().stringValue();
                            if (d.equals("Lcom/oracle/svm/core/option/APIOption;")) addApiOption(a, f.fieldName().stringValue(), isBoolean);
                            else if (d.equals("Lcom/oracle/svm/core/option/APIOption$List;")) {
                                for (AnnotationElement el : a.elements())
                                    if (el.value() instanceof AnnotationValue.OfArray arr)
                                        for (AnnotationValue v : arr.values())
                                            if (v instanceof AnnotationValue.OfAnnotation n) addApiOption(n.annotation(), f.fieldName().stringValue(), isBoolean);
                            }
                        }
                    }
                }
            }
        }
        builderLoader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        // Longest names first, so that e.g. --initialize-at-build-time is not taken for a shorter prefix.
        apiOptions.sort(Comparator.comparingInt((ApiOption o) -> o.driverName().length()).reversed());
    }

    static boolean contains(byte[] bytes, String s) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(s);
    }

    void addApiOption(Annotation a, String field, boolean isBoolean) {
        List<String> names = new ArrayList<>(), fixed = new ArrayList<>(), dflt = new ArrayList<>(), transformers = new ArrayList<>();
        List<Character> seps = new ArrayList<>();
        boolean negated = false, grouped = false;
        String deprecated = "";
        for (AnnotationElement el : a.elements()) {
            String n = el.name().stringValue();
            AnnotationValue v = el.value();
            switch (n) {
                case "name" -> names.addAll(strings(v));
                case "fixedValue" -> fixed.addAll(strings(v));
                case "defaultValue" -> dflt.addAll(strings(v));
                case "deprecated" -> deprecated = ((AnnotationValue.OfString) v).stringValue();
                case "kind" -> negated = ((AnnotationValue.OfEnum) v).constantName().stringValue().equals("Negated");
                case "group" -> grouped = !((AnnotationValue.OfClass) v).className().stringValue().endsWith("$NullGroup;");
                case "valueSeparator" -> {
                    for (AnnotationValue c : ((AnnotationValue.OfArray) v).values()) seps.add(((AnnotationValue.OfChar) c).charValue());
                }
                case "valueTransformer" -> {
                    for (AnnotationValue c : ((AnnotationValue.OfArray) v).values()) {
                        String desc = ((AnnotationValue.OfClass) c).className().stringValue();
                        transformers.add(desc.substring(1, desc.length() - 1).replace('/', '.'));
                    }
                }
                default -> {
                }
            }
        }
        if (seps.isEmpty()) seps.add('=');
        for (String name : names) {
            String driverName = name.startsWith("-") ? name : "--" + name;
            apiOptions.add(new ApiOption(driverName, field, isBoolean, negated, fixed, dflt, seps, transformers, deprecated, grouped));
        }
    }

    static List<String> strings(AnnotationValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof AnnotationValue.OfArray arr) {
            for (AnnotationValue e : arr.values()) if (e instanceof AnnotationValue.OfString s) out.add(s.stringValue());
        } else if (v instanceof AnnotationValue.OfString s) out.add(s.stringValue());
        return out;
    }

    // ------------------------------------------------------------------ translation

    /**
     * Translates driver arguments. origin == null: the command line (native-image.args); otherwise the URI of the
     * native-image.properties the arguments come from (passed on to the builder as the option origin).
     */
    void translate(List<String> args, String origin) throws IOException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-J")) {
                jvm.add(a.substring(2));
            } else if (a.startsWith("-H:") || a.startsWith("-R:")) {
                builder.add(a);
            } else if (origin == null && a.equals("-jar")) {
                processJar(resolve(args.get(++i)));
            } else if (origin == null && (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path"))) {
                for (String e : args.get(++i).split(File.pathSeparator)) if (!e.isEmpty()) addClassPath(resolve(e));
            } else if (a.startsWith("--class-path=")) {
                for (String e : a.substring("--class-path=".length()).split(File.pathSeparator)) if (!e.isEmpty()) addClassPath(resolve(e));
            } else if (a.equals("--exclude-config")) {
                excludeConfig.add(new Pattern[]{Pattern.compile(args.get(++i)), Pattern.compile(args.get(++i))});
            } else if (a.equals("--verbose")) {
                // driver-only switches without an effect on analysis
            } else if (a.startsWith("-")) {
                i = translateApiOption(args, i, origin);
            } else if (origin == null) {
                positional.add(a);
            } else {
                problems.add("ERROR: unexpected argument '" + a + "' in " + origin);
            }
        }
    }

    int translateApiOption(List<String> args, int i, String origin) {
        String a = args.get(i);
        for (ApiOption o : apiOptions) {
            String value = null;
            boolean matched = false;
            int next = i;
            if (a.equals(o.driverName())) {
                matched = true;
                if (!o.fixedValue().isEmpty()) value = String.join(",", o.fixedValue());
                else if (o.isBoolean()) value = null;
                else if (o.separators().contains(' ') && i + 1 < args.size() && (o.defaultValue().isEmpty() || !args.get(i + 1).startsWith("-"))) {
                    value = args.get(i + 1);
                    next = i + 1;
                } else if (!o.defaultValue().isEmpty()) value = String.join(",", o.defaultValue());
                else {
                    problems.add("ERROR: option " + a + " needs a value");
                    return i;
                }
            } else {
                for (char sep : o.separators()) {
                    if (sep == ' ') continue;
                    String prefix = sep == '\0' ? o.driverName() : o.driverName() + sep;
                    if (a.startsWith(prefix) && a.length() >= prefix.length() && (sep != '\0' || a.length() > prefix.length())) {
                        matched = true;
                        value = a.substring(prefix.length());
                        break;
                    }
                }
            }
            if (!matched) continue;
            if (o.grouped()) {
                problems.add("ERROR: option group of " + a + " is not supported by this check");
                return next;
            }
            if (!o.deprecated().isEmpty()) problems.add("warning: " + a + " is deprecated: " + o.deprecated());
            String originSuffix = origin == null ? "" : "@" + origin;
            if (o.isBoolean() && (value == null || value.equals("true") || value.equals("false"))) {
                boolean on = value == null || value.equals("true");
                if (o.negated()) on = !on;
                builder.add("-H:" + (on ? "+" : "-") + o.field() + originSuffix);
            } else {
                for (String t : o.transformers()) value = transform(t, value);
                builder.add("-H:" + o.field() + originSuffix + "=" + value);
            }
            return next;
        }
        problems.add("ERROR: driver option " + a + " is not known to this check (no @APIOption in the builder jars); translate it in TranslateArgs.java");
        return i;
    }

    /** Runs one of the builder's own value transformers (e.g. --initialize-at-run-time=a,b -> a:run_time,b:run_time). */
    @SuppressWarnings("unchecked")
    String transform(String className, String value) {
        try {
            Class<?> c = Class.forName(className, true, builderLoader);
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return String.valueOf(((Function<Object, Object>) ctor.newInstance()).apply(value));
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add("ERROR: cannot run value transformer " + className + ": " + e);
            return value;
        }
    }

    Path resolve(String p) {
        return base.resolve(p).normalize();
    }

    void addClassPath(Path p) {
        if (!classPath.contains(p)) classPath.add(p);
    }

    void processJar(Path jar) throws IOException {
        hasJar = true;
        addClassPath(jar);
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            if (mf == null) return;
            java.util.jar.Attributes at = mf.getMainAttributes();
            if (at.getValue("Main-Class") != null) mainClass = at.getValue("Main-Class").trim();
            String cp = at.getValue("Class-Path");
            if (cp != null) {
                for (String e : cp.trim().split("\\s+")) {
                    if (e.isEmpty()) continue;
                    Path p = jar.getParent().resolve(e).normalize();
                    if (Files.exists(p)) addClassPath(p);
                    else problems.add("warning: Class-Path entry of " + jar.getFileName() + " does not exist: " + p);
                }
            }
            for (String[] kv : new String[][]{{"Add-Opens", "AddOpens"}, {"Add-Exports", "AddExports"}}) {
                String v = at.getValue(kv[0]);
                if (v != null) for (String e : v.trim().split("\\s+")) builder.add("-H:" + kv[1] + "=" + e + "=ALL-UNNAMED");
            }
            String ena = at.getValue("Enable-Native-Access");
            if (ena != null && ena.trim().equals("ALL-UNNAMED")) builder.add("-H:EnableNativeAccess=ALL-UNNAMED");
        }
    }

    boolean excluded(Path entry, String resource) {
        for (Pattern[] pr : excludeConfig)
            if (pr[0].matcher(entry.toString()).find() && pr[1].matcher("/" + resource).find()) return true;
        return false;
    }

    /** META-INF/native-image of all class-path entries, then the final builder arguments. */
    void finish() throws IOException {
        Map<String, Set<String>> configResources = new TreeMap<>();
        for (Path entry : new ArrayList<>(classPath)) {
            if (!Files.exists(entry)) continue;
            Map<String, byte[]> metaInf = new TreeMap<>();
            String originBase;
            if (Files.isDirectory(entry)) {
                Path mi = entry.resolve("META-INF/native-image");
                if (Files.isDirectory(mi)) try (Stream<Path> s = Files.walk(mi)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) metaInf.put(entry.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
                }
                originBase = entry.toUri().toString();
            } else {
                try (JarFile jf = new JarFile(entry.toFile())) {
                    for (JarEntry en : Collections.list(jf.entries()))
                        if (!en.isDirectory() && en.getName().startsWith("META-INF/native-image/")) metaInf.put(en.getName(), jf.getInputStream(en).readAllBytes());
                }
                originBase = "jar:" + entry.toUri() + "!/";
            }
            for (var e : metaInf.entrySet()) {
                String res = e.getKey();
                String file = res.substring(res.lastIndexOf('/') + 1);
                boolean isProps = file.equals("native-image.properties");
                String option = CONFIG_FILE_OPTION.get(file);
                if (!isProps && option == null) continue;
                if (excluded(entry, res)) {
                    excludedFiles++;
                    continue;
                }
                if (isProps) {
                    propertiesFiles++;
                    Properties p = new Properties();
                    p.load(new ByteArrayInputStream(e.getValue()));
                    String dir = Files.isDirectory(entry) ? entry.resolve(res).getParent().toString() : "";
                    for (String key : p.stringPropertyNames()) {
                        String val = p.getProperty(key).replace("${.}", dir);
                        switch (key) {
                            case "Args" -> translate(tokenize(val), originBase + res);
                            case "JavaArgs" -> jvm.addAll(tokenize(val));
                            default -> problems.add("warning: ignoring key " + key + " of " + originBase + res);
                        }
                    }
                } else {
                    configFiles++;
                    configResources.computeIfAbsent(option, k -> new LinkedHashSet<>()).add(res);
                }
            }
        }
        for (var e : configResources.entrySet()) for (String res : e.getValue()) builder.add("-H:" + e.getKey() + "=" + res);

        if (!hasJar && !positional.isEmpty()) mainClass = positional.remove(0);
        if (mainClass == null) problems.add("ERROR: no main class (no -jar with Main-Class and no main class argument)");
        String name = positional.isEmpty() ? (mainClass == null ? "image" : mainClass.toLowerCase(Locale.ROOT)) : positional.get(0);
        if (positional.size() > 1) problems.add("ERROR: unexpected arguments " + positional.subList(1, positional.size()));
        List<String> head = new ArrayList<>();
        head.add("-imagecp");
        head.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        head.add("-H:Class=" + mainClass);
        head.add("-H:Name=" + name);
        builder.addAll(0, head);
    }
}

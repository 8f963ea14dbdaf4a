import java.io.IOException;
import java.lang.classfile.*;
import java.lang.classfile.constantpool.*;
import java.lang.module.*;
import java.nio.file.*;
import java.util.*;
import java.util.jar.JarFile;

/**
 * Prints the --add-exports options the GraalVM builder modules need on a stock JDK.
 * A GraalVM JDK carries these as qualified exports in its own module descriptors; a stock JDK does not.
 * Usage: java BuilderExports.java <builder jar>...
 * Scans every class of the jars for references (class entries, descriptors, string constants naming classes)
 * to JDK packages that the owning JDK module does not export, and emits one option per (package, builder module).
 */
public class BuilderExports {
    public static void main(String[] args) throws IOException {
        Map<String, String> jdkPkgOwner = new HashMap<>();
        Map<String, Boolean> exportedToAll = new HashMap<>();
        for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
            ModuleDescriptor d = ref.descriptor();
            for (String p : d.packages()) jdkPkgOwner.put(p, d.name());
            for (ModuleDescriptor.Exports e : d.exports()) if (!e.isQualified()) exportedToAll.put(e.source(), true);
        }
        Set<String> out = new TreeSet<>();
        for (String jar : args) {
            ModuleDescriptor md = ModuleFinder.of(Path.of(jar)).findAll().iterator().next().descriptor();
            String target = md.name();
            try (JarFile jf = new JarFile(jar)) {
                for (var en : Collections.list(jf.entries())) {
                    String name = en.getName();
                    if (!name.endsWith(".class") || name.endsWith("module-info.class") || name.startsWith("META-INF/")) continue;
                    ClassModel cm;
                    try {
                        cm = ClassFile.of().parse(jf.getInputStream(en).readAllBytes());
                    } catch (IllegalArgumentException ex) {
                        continue;
                    }
                    Set<String> pkgs = new HashSet<>();
                    for (PoolEntry pe : cm.constantPool()) {
                        if (pe instanceof ClassEntry ce) addInternal(ce.asInternalName(), pkgs);
                        else if (pe instanceof Utf8Entry ue) addDescriptor(ue.stringValue(), pkgs);
                        else if (pe instanceof StringEntry se) addDotted(se.stringValue(), pkgs);
                    }
                    for (String p : pkgs) {
                        String owner = jdkPkgOwner.get(p);
                        if (owner != null && !exportedToAll.containsKey(p)) out.add("--add-exports=" + owner + "/" + p + "=" + target);
                    }
                }
            }
        }
        out.forEach(System.out::println);
    }

    static void addInternal(String n, Set<String> pkgs) {
        while (n.startsWith("[")) n = n.substring(1);
        if (n.startsWith("L") && n.endsWith(";")) n = n.substring(1, n.length() - 1);
        int i = n.lastIndexOf('/');
        if (i > 0) pkgs.add(n.substring(0, i).replace('/', '.'));
    }

    static void addDescriptor(String s, Set<String> pkgs) {
        int i = 0;
        while ((i = s.indexOf('L', i)) >= 0) {
            int e = s.indexOf(';', i);
            if (e < 0) break;
            String n = s.substring(i + 1, e);
            if (n.indexOf('/') > 0 && n.chars().noneMatch(ch -> ch == ' ' || ch == '(' || ch == ')' || ch == '<' || ch == '>')) addInternal(n, pkgs);
            i = i + 1;
        }
    }

    static void addDotted(String s, Set<String> pkgs) {
        if (s.isEmpty() || s.length() > 200 || !s.matches("[A-Za-z_$][\\w$]*(\\.[\\w$]+)+")) return;
        int i = s.lastIndexOf('.');
        pkgs.add(s.substring(0, i));
        pkgs.add(s);
    }
}

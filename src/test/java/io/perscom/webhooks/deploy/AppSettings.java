package io.perscom.webhooks.deploy;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.common.utils.StringUtil;

/**
 * The settings the application reads, taken from the compiled application rather than its sources: the
 * {@code ${NAME}} placeholders of {@code application.properties}, the properties of every {@code @ConfigMapping}
 * interface among the compiled classes (as SmallRye Config itself lists them) and every {@code @ConfigProperty} name.
 * An environment variable is read when it is a placeholder, the environment form of one of those properties
 * (SmallRye's rule: every non-alphanumeric character becomes '_', upper case), or a {@code QUARKUS_*} setting.
 */
final class AppSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?=[:}])");

    final Set<String> placeholders = new TreeSet<>();
    final Set<String> mappedProperties = new TreeSet<>();
    final Set<String> injectedProperties = new TreeSet<>();

    static AppSettings load() throws IOException {
        AppSettings s = new AppSettings();
        URL properties = applicationProperties();
        try (var in = properties.openStream()) {
            Matcher m = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                s.placeholders.add(m.group(1));
            }
        }
        Path classes = classesDirectory(properties);
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> s.read(classes.relativize(f)));
        }
        return s;
    }

    /** The application's own application.properties (target/classes), not one of a test resource or a library. */
    static URL applicationProperties() throws IOException {
        for (URL url : Collections.list(AppSettings.class.getClassLoader().getResources("application.properties"))) {
            if (url.getProtocol().equals("file") && url.getPath().endsWith("/classes/application.properties")) {
                return url;
            }
        }
        throw new IllegalStateException("no application.properties in a classes directory on the class path");
    }

    private static Path classesDirectory(URL applicationProperties) {
        try {
            return Path.of(applicationProperties.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void read(Path classFile) {
        String name = classFile.toString().replace('/', '.').replaceFirst("\\.class$", "");
        try {
            Class<?> type = Class.forName(name, false, AppSettings.class.getClassLoader());
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                mappedProperties.addAll(ConfigMappings.getProperties(new ConfigClass(type, mapping.prefix())).keySet());
            }
            List<AnnotatedElement> points = new ArrayList<>(Arrays.asList(type.getDeclaredFields()));
            for (Executable e : Stream.concat(Arrays.stream(type.getDeclaredConstructors()),
                    Arrays.stream(type.getDeclaredMethods())).toList()) {
                points.addAll(Arrays.asList(e.getParameters()));
            }
            for (AnnotatedElement point : points) {
                ConfigProperty property = point.getAnnotation(ConfigProperty.class);
                if (property != null) {
                    injectedProperties.add(property.name());
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // A class that needs what the test class path lacks declares nothing we could check anyway.
        }
    }

    /** The names among {@code envNames} the application does not read, each with why. */
    List<String> unknown(Collection<String> envNames) {
        List<Pattern> read = Stream.concat(mappedProperties.stream(), injectedProperties.stream())
                .map(AppSettings::environmentForm).toList();
        List<String> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(envNames)) {
            if (!name.startsWith("QUARKUS_") && !placeholders.contains(name)
                    && read.stream().noneMatch(p -> p.matcher(name).matches())) {
                out.add(name + " is neither a ${" + name + "} placeholder in application.properties nor the environment"
                        + " form of a @ConfigMapping or @ConfigProperty property");
            }
        }
        return out;
    }

    /** The environment variable names that set a property; a map key or list index ({@code *}) is any name. */
    static Pattern environmentForm(String property) {
        return Pattern.compile(Arrays.stream(property.split("\\[?\\*]?", -1))
                .map(part -> StringUtil.replaceNonAlphanumericByUnderscores(part).toUpperCase(Locale.ROOT))
                .map(Pattern::quote)
                .collect(Collectors.joining("[A-Z0-9_]+")));
    }
}

package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.twig.Node.Arg;
import io.perscom.webhooks.automation.twig.Node.Const;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The filters and functions templates may call (Twig core + PERSCOM's extensions), with their parameters. */
final class Builtins {
    /** Functions that exist in Twig (or PERSCOM) but are refused on purpose, with the reason. */
    static final Map<String, String> REFUSED_FUNCTIONS = Map.of(
            "include", "templates cannot load other templates",
            "source", "templates cannot load other templates",
            "template_from_string", "templates cannot compile other templates",
            "block", "blocks are not available",
            "parent", "blocks are not available",
            "constant", "PHP constants are not available",
            "dump", "debugging output is not available",
            "ssoJwt", "it needs the PERSCOM user who is logged in",
            "enum", "PHP enums are not available",
            "enum_cases", "PHP enums are not available");
    static final Map<String, String> REFUSED_TESTS = Map.of("constant", "PHP constants are not available");
    static final List<String> TESTS =
            List.of("even", "odd", "defined", "same as", "none", "null", "divisible by", "empty", "iterable", "sequence",
                    "mapping");

    /** Output safety of a callable's result, as Twig's is_safe / is_safe_callback declare it. */
    enum Safety { NONE, ALL, HTML, ESCAPE_STRATEGY }

    /** Marks a parameter without default value. */
    static final Object REQUIRED = new Object();

    @FunctionalInterface
    interface Impl {
        /** {@code value} is the filtered value (null for functions); {@code args} holds only the given arguments. */
        Object call(Interpreter runtime, Object value, Object[] args);
    }

    record Param(String name, Object defaultValue) {}

    /** One filter or function. {@code preEscape}: its input is HTML-escaped first unless safe (nl2br, spaceless). */
    record Callable(String name, String kind, List<Param> params, Impl impl, Safety safety, boolean preEscape) {

        /** Twig's CallExpression::getArguments: maps named arguments to positions at compile time. */
        List<Arg> bind(List<Arg> args, String callType, int line) throws TwigSyntaxError {
            boolean named = false;
            Map<Object, Arg> given = new LinkedHashMap<>();
            int position = 0;
            for (Arg a : args) {
                if (a.name() != null) {
                    named = true;
                    given.put(snakeCase(a.name()), a);
                } else if (named) {
                    throw new TwigSyntaxError("Positional arguments cannot be used after named arguments for "
                            + callType + " \"" + name + "\".", line);
                } else {
                    given.put(position++, a);
                }
            }
            if (!named) {
                for (int i = args.size(); i < params.size(); i++) {
                    if (params.get(i).defaultValue() == REQUIRED) {
                        throw new TwigSyntaxError("Value for argument \"" + params.get(i).name() + "\" is required for "
                                + callType + " \"" + name + "\".", line);
                    }
                }
                return args;
            }
            List<Arg> out = new ArrayList<>();
            List<Arg> optional = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int pos = 0;
            for (Param p : params) {
                names.add(p.name());
                if (given.containsKey(p.name())) {
                    if (given.containsKey(pos)) {
                        throw new TwigSyntaxError("Argument \"" + p.name() + "\" is defined twice for " + callType
                                + " \"" + name + "\".", line);
                    }
                    out.addAll(optional);
                    optional.clear();
                    out.add(new Arg(null, given.remove(p.name()).value()));
                } else if (given.containsKey(pos)) {
                    out.addAll(optional);
                    optional.clear();
                    out.add(given.remove(pos));
                    pos++;
                } else if (p.defaultValue() != REQUIRED) {
                    optional.add(new Arg(null, new Const(p.defaultValue(), line)));
                } else {
                    throw new TwigSyntaxError("Value for argument \"" + p.name() + "\" is required for " + callType
                            + " \"" + name + "\".", line);
                }
            }
            if (!given.isEmpty()) {
                List<String> unknown = given.keySet().stream().map(String::valueOf).toList();
                throw new TwigSyntaxError("Unknown argument" + (unknown.size() > 1 ? "s" : "") + " \""
                        + String.join("\", \"", unknown) + "\" for " + callType + " \"" + name + "("
                        + String.join(", ", names) + ")\".", line);
            }
            return out;
        }

        private static String snakeCase(String name) {
            return name.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("([a-z\\d])([A-Z])", "$1_$2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, Callable> filters = new LinkedHashMap<>();
    private final Map<String, Callable> functions = new LinkedHashMap<>();

    Builtins() {
        DateFilters.register(this);
        StringFilters.register(this);
        NumberFilters.register(this);
        ArrayFilters.register(this);
        Escaper.register(this);
        CoreFunctions.register(this);
    }

    static Param p(String name, Object defaultValue) {
        return new Param(name, defaultValue);
    }

    void filter(String name, Impl impl, Param... params) {
        filters.put(name, new Callable(name, "filter", List.of(params), impl, Safety.NONE, false));
    }

    void filter(String name, Safety safety, boolean preEscape, Impl impl, Param... params) {
        filters.put(name, new Callable(name, "filter", List.of(params), impl, safety, preEscape));
    }

    void function(String name, Impl impl, Param... params) {
        functions.put(name, new Callable(name, "function", List.of(params), impl, Safety.NONE, false));
    }

    Callable filter(String name) {
        return filters.get(name);
    }

    Callable function(String name) {
        return functions.get(name);
    }

    Collection<String> filterNames() {
        return filters.keySet();
    }

    Collection<String> functionNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(functions.keySet());
        names.add("attribute");
        names.addAll(REFUSED_FUNCTIONS.keySet());
        return names;
    }

    /** The i-th given argument, or {@code fallback} when it was not given. */
    static Object arg(Object[] args, int i, Object fallback) {
        return i < args.length ? args[i] : fallback;
    }
}

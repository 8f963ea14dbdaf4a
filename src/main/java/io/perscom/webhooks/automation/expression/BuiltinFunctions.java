package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArrays;
import io.perscom.webhooks.automation.php.PhpError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions every Symfony ExpressionLanguage 8.0 registers: {@code constant}, {@code min}, {@code max}
 * ({@code ExpressionFunction::fromPhp}) and {@code enum}. PERSCOM's PHP constants and enums do not exist here:
 * {@code constant()} knows PHP's own numeric constants only, and {@code enum()} never finds a case.
 */
final class BuiltinFunctions {

    private static final Map<String, Object> CONSTANTS = Map.ofEntries(
            Map.entry("PHP_INT_MAX", Long.MAX_VALUE), Map.entry("PHP_INT_MIN", Long.MIN_VALUE),
            Map.entry("PHP_INT_SIZE", 8L), Map.entry("PHP_FLOAT_EPSILON", Math.ulp(1.0)),
            Map.entry("PHP_FLOAT_MAX", Double.MAX_VALUE), Map.entry("PHP_FLOAT_MIN", Double.MIN_NORMAL),
            Map.entry("PHP_FLOAT_DIG", 15L), Map.entry("PHP_EOL", "\n"), Map.entry("M_PI", Math.PI),
            Map.entry("M_E", Math.E), Map.entry("NAN", Double.NaN), Map.entry("INF", Double.POSITIVE_INFINITY),
            Map.entry("PHP_ROUND_HALF_UP", 1L), Map.entry("PHP_ROUND_HALF_DOWN", 2L),
            Map.entry("PHP_ROUND_HALF_EVEN", 3L), Map.entry("PHP_ROUND_HALF_ODD", 4L));

    private BuiltinFunctions() {
    }

    static Map<String, ExpressionFunction> all() {
        Map<String, ExpressionFunction> functions = new LinkedHashMap<>();
        functions.put("constant", (variables, args) -> constant(exactlyOne("constant", args)));
        functions.put("min", (variables, args) -> PhpArrays.min(args));
        functions.put("max", (variables, args) -> PhpArrays.max(args));
        functions.put("enum", (variables, args) -> {
            if (args.isEmpty()) {
                throw new PhpError("Too few arguments to function {closure}(), 1 passed and exactly 2 expected");
            }
            Object name = args.get(0);
            constant(name); // an unknown constant fails first, as in PHP
            throw new PhpError("The string \"" + Php.toStr(name) + "\" is not the name of a valid enum case.");
        });
        return functions;
    }

    private static Object exactlyOne(String function, List<Object> args) {
        if (args.size() != 1) {
            throw new PhpError(function + "() expects exactly 1 argument, " + args.size() + " given");
        }
        return args.get(0);
    }

    private static Object constant(Object name) {
        String text = Operators.stringArgument("constant", 1, "name", name);
        Object value = CONSTANTS.get(text);
        if (value == null) {
            int scope = text.indexOf("::");
            if (scope >= 0) {
                throw new PhpError("Class \"" + text.substring(0, scope) + "\" not found");
            }
            throw new PhpError("Undefined constant \"" + text + "\"");
        }
        return value;
    }
}

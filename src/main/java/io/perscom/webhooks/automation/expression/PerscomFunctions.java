package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions PERSCOM registers on its ExpressionLanguage (App\Services\ExpressionLanguageService), with the same
 * semantics, in the same order. PERSCOM also lists {@code strip_characters(text)} among its available functions but
 * never registers it: calling it is a syntax error there ("The function "strip_characters" does not exist"), and
 * here too.
 */
public final class PerscomFunctions {

    /** The variables of an automation condition (AutomationContextData::toExpressionArray), in PERSCOM's order. */
    public static final List<String> VARIABLES =
            List.of("model", "model_type", "model_id", "changes", "causer", "causer_id", "now");

    private PerscomFunctions() {
    }

    /** The functions, in PERSCOM's registration order (which decides "Did you mean" among equals). */
    public static Map<String, ExpressionFunction> all() {
        Map<String, ExpressionFunction> functions = new LinkedHashMap<>();
        functions.put("in_array", (variables, args) -> {
            arity(args, 2);
            return args.get(1) instanceof PhpArray haystack && inArrayLoose(args.get(0), haystack);
        });
        functions.put("contains", (variables, args) -> {
            arity(args, 2);
            return args.get(0) instanceof String haystack && args.get(1) instanceof String needle
                    && haystack.contains(needle);
        });
        functions.put("starts_with", (variables, args) -> {
            arity(args, 2);
            return args.get(0) instanceof String haystack && args.get(1) instanceof String needle
                    && haystack.startsWith(needle);
        });
        functions.put("ends_with", (variables, args) -> {
            arity(args, 2);
            return args.get(0) instanceof String haystack && args.get(1) instanceof String needle
                    && haystack.endsWith(needle);
        });
        functions.put("changed", (variables, args) -> {
            arity(args, 1);
            return variables.get("changes") instanceof PhpArray changes && keyExists(args.get(0), changes);
        });
        functions.put("old_value", (variables, args) -> {
            arity(args, 1);
            return changeOf(variables, args.get(0), "old");
        });
        functions.put("new_value", (variables, args) -> {
            arity(args, 1);
            return changeOf(variables, args.get(0), "new");
        });
        functions.put("blank", (variables, args) -> {
            arity(args, 1);
            return blank(args.get(0));
        });
        functions.put("filled", (variables, args) -> {
            arity(args, 1);
            return !blank(args.get(0));
        });
        return functions;
    }

    /**
     * Laravel's blank(): null, a string empty after trim(), an empty array are blank; numbers and booleans never are;
     * a date is blank when its string form trims to "" (never).
     */
    public static boolean blank(Object value) {
        value = Php.normalize(value);
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return phpTrim(s).isEmpty();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return false;
        }
        if (value instanceof PhpArray array) {
            return array.isEmpty();
        }
        if (value instanceof PhpDate date) {
            return phpTrim(date.toString()).isEmpty();
        }
        return !Php.toBool(value);
    }

    /** PHP's trim() with its default characters " \t\n\r\0\x0B". */
    private static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmed(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmed(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\u000B';
    }

    private static boolean inArrayLoose(Object needle, PhpArray haystack) {
        for (Object value : haystack.values()) {
            if (Php.looseEquals(needle, value)) {
                return true;
            }
        }
        return false;
    }

    /** array_key_exists(): a TypeError for keys that are not valid array offsets. */
    private static boolean keyExists(Object key, PhpArray array) {
        if (key instanceof PhpArray || key instanceof PhpDate) {
            throw new PhpError("Illegal offset type");
        }
        return array.containsKey(PhpArray.normalizeKey(key));
    }

    /** {@code $changes[$key][$which] ?? null}. */
    private static Object changeOf(Map<String, Object> variables, Object key, String which) {
        if (!(variables.get("changes") instanceof PhpArray changes)) {
            return null;
        }
        if (key instanceof PhpArray || key instanceof PhpDate) {
            throw new PhpError("Illegal offset type");
        }
        return changes.get(PhpArray.normalizeKey(key)) instanceof PhpArray change ? change.get(which) : null;
    }

    /** PHP closures accept extra arguments but fail on missing ones (the first parameter is the variables). */
    private static void arity(List<Object> args, int parameters) {
        if (args.size() < parameters) {
            throw new PhpError("Too few arguments to function {closure}(), " + (args.size() + 1)
                    + " passed and exactly " + (parameters + 1) + " expected");
        }
    }
}

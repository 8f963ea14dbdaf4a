package io.perscom.webhooks.automation.engine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calls in an expression before it is ever evaluated: only the allowed functions may be called, and no method
 * at all ({@code x.y(...)}). Pebble itself resolves functions only at evaluation, so without this a typo or a
 * forbidden call would surface only when an event arrives.
 */
final class FunctionCheck {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern CALL = Pattern.compile("(\\.\\s*)?\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "matches", "contains", "is",
            "with", "equals", "null", "true", "false");

    private FunctionCheck() {
    }

    static void check(String expression, Set<String> allowed) throws ExpressionError {
        Matcher call = CALL.matcher(STRING.matcher(expression).replaceAll("\"\""));
        while (call.find()) {
            String name = call.group(2);
            if (call.group(1) != null) {
                throw new ExpressionError("method calls are not allowed (." + name + "(...))", null);
            }
            if (!KEYWORDS.contains(name) && !allowed.contains(name)) {
                throw new ExpressionError("unknown function " + name + "()", null);
            }
        }
    }
}

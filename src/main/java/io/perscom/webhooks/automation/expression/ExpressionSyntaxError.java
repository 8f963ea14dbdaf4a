package io.perscom.webhooks.automation.expression;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * A syntax error, with the message Symfony's {@code SyntaxError} builds: "{message} around position {cursor} for
 * expression `{expression}`." and, for an unknown variable or function, " Did you mean "{closest}"?".
 */
public class ExpressionSyntaxError extends Exception {

    private final int cursor;

    public ExpressionSyntaxError(String message, int cursor, String expression) {
        this(message, cursor, expression, null, null);
    }

    /** With {@code subject} and {@code proposals}: adds Symfony's "Did you mean" for a proposal closer than 3 edits. */
    public ExpressionSyntaxError(String message, int cursor, String expression, String subject,
            Collection<String> proposals) {
        super(format(message, cursor, expression, subject, proposals), null, false, false);
        this.cursor = cursor;
    }

    public int cursor() {
        return cursor;
    }

    static String format(String message, int cursor, String expression, String subject,
            Collection<String> proposals) {
        StringBuilder text = new StringBuilder(rtrimDots(message)).append(" around position ").append(cursor);
        // PHP's `if ($expression)`: the empty string and "0" are falsy
        if (expression != null && !expression.isEmpty() && !expression.equals("0")) {
            text.append(" for expression `").append(expression).append('`');
        }
        text.append('.');
        if (subject != null && proposals != null) {
            String guess = null;
            int best = Integer.MAX_VALUE;
            for (String proposal : proposals) {
                int distance = levenshtein(subject, proposal);
                if (distance < best) {
                    guess = proposal;
                    best = distance;
                }
            }
            if (guess != null && best < 3) {
                text.append(" Did you mean \"").append(guess).append("\"?");
            }
        }
        return text.toString();
    }

    private static String rtrimDots(String message) {
        int end = message.length();
        while (end > 0 && message.charAt(end - 1) == '.') {
            end--;
        }
        return message.substring(0, end);
    }

    /** PHP's levenshtein(): byte-based, insert/replace/delete cost 1. */
    static int levenshtein(String a, String b) {
        byte[] s = a.getBytes(StandardCharsets.UTF_8);
        byte[] t = b.getBytes(StandardCharsets.UTF_8);
        int[] previous = new int[t.length + 1];
        int[] current = new int[t.length + 1];
        for (int j = 0; j <= t.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length; i++) {
            current[0] = i;
            for (int j = 1; j <= t.length; j++) {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length];
    }
}

package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpRegex;

/**
 * The {@code matches} operator: BinaryNode::evaluateMatches(string $regexp, ?string $str), i.e. preg_match through
 * the bounded {@link PhpRegex}. Returns preg_match's int (1 or 0), not a bool, as Symfony does.
 */
final class Matches {

    private static final String METHOD = "Symfony\\Component\\ExpressionLanguage\\Node\\BinaryNode::evaluateMatches()";

    private Matches() {
    }

    static Object evaluate(Object regexp, Object subject, Budget budget) {
        String pattern = parameter(1, "regexp", "string", regexp, false);
        String text = parameter(2, "str", "?string", subject, true);
        PhpRegex regex;
        try {
            regex = PhpRegex.compile(pattern);
        } catch (PhpError invalid) {
            // Symfony turns preg_match's warning into a SyntaxError (message without "preg_match()")
            throw new PhpError(ExpressionSyntaxError.format("Regexp \"" + pattern + "\" passed to \"matches\" is not"
                    + " valid" + warningDetail(invalid.getMessage()), 0, "", null, null), invalid);
        }
        return regex.matches(text == null ? "" : text, budget) ? 1L : 0L;
    }

    /** substr($warning, 12): the warning without its "preg_match()" prefix. */
    private static String warningDetail(String warning) {
        return warning.startsWith("preg_match()") ? warning.substring(12) : ": " + warning;
    }

    /** A typed parameter of a user function in coercive mode: scalars and Stringable objects become strings. */
    private static String parameter(int position, String name, String type, Object value, boolean nullable) {
        value = Php.normalize(value);
        if (value == null && nullable) {
            return null;
        }
        if (value == null || value instanceof PhpArray) {
            throw new PhpError(METHOD + ": Argument #" + position + " ($" + name + ") must be of type " + type + ", "
                    + Php.typeName(value) + " given");
        }
        if (value instanceof PhpDate date) {
            return date.toString();
        }
        return Php.toStr(value);
    }
}

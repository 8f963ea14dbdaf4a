package io.perscom.webhooks.automation.engine;

import java.util.regex.Pattern;

import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/** Symfony ExpressionLanguage operators, as Pebble binary expressions. */
final class Operators {

    private Operators() {
    }

    private abstract static class Test extends BinaryExpression<Boolean> {
        @Override
        public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            return test(getLeftExpression().evaluate(self, context), getRightExpression().evaluate(self, context));
        }

        abstract boolean test(Object left, Object right);
    }

    static final class In extends Test {
        @Override
        boolean test(Object left, Object right) {
            return ExpressionFunctions.inList(right, left);
        }
    }

    static final class NotIn extends Test {
        @Override
        boolean test(Object left, Object right) {
            return !ExpressionFunctions.inList(right, left);
        }
    }

    static final class Matches extends Test {
        @Override
        boolean test(Object left, Object right) {
            String regex = ExpressionFunctions.text(right);
            // Symfony takes PCRE with delimiters ("/^a/i"); strip them and honour the i flag.
            int flags = 0;
            if (regex.length() > 1 && regex.charAt(0) == '/' && regex.lastIndexOf('/') > 0) {
                String modifiers = regex.substring(regex.lastIndexOf('/') + 1);
                regex = regex.substring(1, regex.lastIndexOf('/'));
                flags = modifiers.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
            }
            long deadline = System.nanoTime() + ExpressionEngine.REGEX_BUDGET_NANOS;
            return left != null && Pattern.compile(regex, flags)
                    .matcher(new Deadline(ExpressionFunctions.text(left), deadline)).find();
        }
    }

    static final class StartsWith extends Test {
        @Override
        boolean test(Object left, Object right) {
            return ExpressionFunctions.text(left).startsWith(ExpressionFunctions.text(right));
        }
    }

    static final class EndsWith extends Test {
        @Override
        boolean test(Object left, Object right) {
            return ExpressionFunctions.text(left).endsWith(ExpressionFunctions.text(right));
        }
    }
}

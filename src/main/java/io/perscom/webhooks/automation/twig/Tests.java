package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.twig.Node.Test;

/** Twig's core tests ({@code is defined}, {@code is empty}, ...). */
final class Tests {
    private Tests() {}

    static Object test(Interpreter rt, Test t, Scope scope) {
        if ("defined".equals(t.name())) {
            return rt.isDefined(t.operand(), scope);
        }
        Object value = rt.eval(t.operand(), scope);
        Object arg = t.args().isEmpty() ? null : rt.eval(t.args().get(0).value(), scope);
        Object v = Values.unwrap(value);
        return switch (t.name()) {
            case "null", "none" -> value == null;
            case "even" -> Php.looseEquals(0L, Php.mod(v, 2L));
            case "odd" -> Php.looseEquals(1L, Php.mod(v, 2L));
            case "divisible by" -> Php.looseEquals(0L, Php.mod(v, Values.unwrap(arg)));
            case "same as" -> value instanceof Markup || arg instanceof Markup
                    ? value == arg
                    : Php.strictEquals(value, arg);
            case "empty" -> Values.isEmpty(value);
            case "iterable" -> value instanceof PhpArray;
            case "sequence" -> value instanceof PhpArray a && a.isList();
            case "mapping" -> (value instanceof PhpArray a && !a.isList()) || Values.isObject(value);
            default -> throw new IllegalStateException("test " + t.name());
        };
    }
}

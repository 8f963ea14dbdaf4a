package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpStrings;

/** Number filters: abs, round, number_format, and PERSCOM's increment/decrement (MathExtension). */
final class NumberFilters {
    private NumberFilters() {}

    static void register(Builtins b) {
        b.filter("number_format", (rt, v, a) -> numberFormat(rt, v, arg(a, 0, null), arg(a, 1, null),
                arg(a, 2, null)), p("decimal", null), p("decimal_point", null), p("thousand_sep", null));
        b.filter("abs", (rt, v, a) -> PhpStrings.abs(Values.unwrap(v)));
        b.filter("round", (rt, v, a) -> round(v, arg(a, 0, 0L), arg(a, 1, "common")),
                p("precision", 0L), p("method", "common"));
        b.filter("increment", (rt, v, a) -> step(v, arg(a, 0, 1L), true, "increment"), p("amount", 1L));
        b.filter("decrement", (rt, v, a) -> step(v, arg(a, 0, 1L), false, "decrement"), p("amount", 1L));
    }

    /** Twig's round filter; the error names the filter in quotes as Twig 3.24 does. */
    private static double round(Object value, Object precision, Object method) {
        String m = Values.str(method);
        if (!"common".equals(m) && !"ceil".equals(m) && !"floor".equals(m)) {
            throw new PhpError("The \"round\" filter only supports the \"common\", \"ceil\", and \"floor\" methods.");
        }
        return PhpStrings.round(Values.unwrap(value), Php.toLong(Values.unwrap(precision)), m);
    }

    /** twig_number_format_filter with Twig's defaults: 0 decimals, ".", ",". */
    private static String numberFormat(Interpreter rt, Object value, Object decimals, Object point, Object separator) {
        return PhpStrings.numberFormat(Php.toDouble(Values.unwrap(value)),
                decimals == null ? 0 : Php.toLong(Values.unwrap(decimals)), point == null ? "." : Values.str(point),
                separator == null ? "," : Values.str(separator), rt.budget());
    }

    /**
     * PERSCOM's MathExtension: {@code increment(mixed $value, int|float $amount = 1)}: a non-numeric value gives the
     * amount (or its negation), otherwise value +/- amount.
     */
    private static Object step(Object value, Object amountArg, boolean up, String name) {
        Object amount = Values.unwrap(amountArg);
        if (amount instanceof String s && Php.parseNumeric(s) != null) {
            amount = Php.parseNumeric(s);
        } else if (amount instanceof Boolean bool) {
            amount = bool ? 1L : 0L;
        }
        if (!(amount instanceof Long || amount instanceof Double)) {
            throw new PhpError("App\\Support\\Twig\\Extensions\\MathExtension::" + name
                    + "(): Argument #2 ($amount) must be of type int|float, " + Php.typeName(amount) + " given");
        }
        Object v = Values.unwrap(value);
        if (!Php.isNumeric(v)) {
            return up ? amount : Php.neg(amount);
        }
        return up ? Php.add(v, amount) : Php.sub(v, amount);
    }
}

package io.perscom.webhooks.automation.twig;

import static io.perscom.webhooks.automation.twig.Builtins.arg;
import static io.perscom.webhooks.automation.twig.Builtins.p;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpError;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number filters: abs, round, number_format, and PERSCOM's increment/decrement (MathExtension). */
final class NumberFilters {
    private NumberFilters() {}

    static void register(Builtins b) {
        b.filter("number_format", (rt, v, a) -> numberFormat(v, arg(a, 0, null), arg(a, 1, null), arg(a, 2, null)),
                p("decimal", null), p("decimal_point", null), p("thousand_sep", null));
        b.filter("abs", (rt, v, a) -> abs(v));
        b.filter("round", (rt, v, a) -> round(v, arg(a, 0, 0L), arg(a, 1, "common")),
                p("precision", 0L), p("method", "common"));
        b.filter("increment", (rt, v, a) -> step(v, arg(a, 0, 1L), true, "increment"), p("amount", 1L));
        b.filter("decrement", (rt, v, a) -> step(v, arg(a, 0, 1L), false, "decrement"), p("amount", 1L));
    }

    /** abs(int|float $num): numeric strings are coerced, anything else is a TypeError. */
    private static Object abs(Object value) {
        Object v = Values.unwrap(value);
        if (v == null || v instanceof Boolean) {
            v = Php.toLong(v);
        }
        if (v instanceof String s) {
            Number n = Php.parseNumeric(s);
            if (n == null) {
                throw new PhpError("abs(): Argument #1 ($num) must be of type int|float, string given");
            }
            v = n;
        }
        if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? -(double) l : (Object) Math.abs(l);
        }
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        throw new PhpError("abs(): Argument #1 ($num) must be of type int|float, " + Php.typeName(v) + " given");
    }

    /** twig_round: the value as float; "common" is PHP's round(), ceil/floor work on value * 10 ** precision. */
    private static Object round(Object value, Object precisionArg, Object methodArg) {
        double v = Php.toDouble(Values.unwrap(value));
        long precision = Php.toLong(Values.unwrap(precisionArg));
        String method = Values.str(methodArg);
        if ("common".equals(method)) {
            return phpRound(v, precision);
        }
        if (!"ceil".equals(method) && !"floor".equals(method)) {
            throw new PhpError("The round filter only supports the \"common\", \"ceil\", and \"floor\" methods.");
        }
        double scale = Math.pow(10, precision);
        double scaled = v * scale;
        return ("ceil".equals(method) ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
    }

    /** PHP's round($value, $places), half away from zero on the shortest decimal form of the value. */
    static double phpRound(double value, long places) {
        if (!Double.isFinite(value) || value == 0.0) {
            return value;
        }
        if (places > 308) {
            return value;
        }
        if (places < -308) {
            return 0.0 * Math.signum(value);
        }
        BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale((int) places, RoundingMode.HALF_UP);
        return rounded.doubleValue();
    }

    /** number_format((float) $n, $decimals, $point, $separator) with Twig's defaults 0, ".", ",". */
    private static String numberFormat(Object value, Object decimalsArg, Object pointArg, Object separatorArg) {
        double d = Php.toDouble(Values.unwrap(value));
        int decimals = (int) Math.max(0, Math.min(1000, decimalsArg == null ? 0 : Php.toLong(Values.unwrap(decimalsArg))));
        String point = pointArg == null ? "." : Values.str(pointArg);
        String separator = separatorArg == null ? "," : Values.str(separatorArg);
        d = phpRound(d, decimals);
        boolean negative = d < 0;
        d = Math.abs(d);
        if (!Double.isFinite(d)) {
            return (negative ? "-" : "") + (Double.isNaN(d) ? "nan" : "inf");
        }
        String fixed = new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (negative && new BigDecimal(fixed).signum() == 0) {
            negative = false;
        }
        int dot = fixed.indexOf('.');
        String integer = dot < 0 ? fixed : fixed.substring(0, dot);
        String fraction = dot < 0 ? "" : fixed.substring(dot + 1);
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        int firstGroup = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, firstGroup);
        for (int i = firstGroup; i < integer.length(); i += 3) {
            out.append(separator).append(integer, i, i + 3);
        }
        if (decimals > 0) {
            out.append(point).append(fraction);
        }
        return out.toString();
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

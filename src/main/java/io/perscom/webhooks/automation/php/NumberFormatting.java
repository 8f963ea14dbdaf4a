package io.perscom.webhooks.automation.php;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** round(), number_format() and abs() as PHP computes them (round as 8.4, PERSCOM's PHP). */
final class NumberFormatting {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private NumberFormatting() {
    }

    /**
     * _php_math_round with PHP_ROUND_HALF_UP as PHP 8.4 (PERSCOM's) computes it: no pre-rounding; the value is
     * compared with the decimal half-way point itself, so 0.285 rounds to 0.29 but 127.49999999999999 (50 * 2.55)
     * to 127, where PHP 8.2 gave 128.
     */
    static double round(double value, long precision) {
        if (!Double.isFinite(value) || value == 0.0) {
            return value;
        }
        int places = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, precision));
        double exponent = intPow10(Math.abs(places));
        double scaled = places > 0 ? value * exponent : value / exponent;
        if (Math.abs(scaled) >= 1e15) {
            return value; // beyond double's precision: rounding it is pointless
        }
        double integral = value >= 0.0 ? Math.floor(scaled) : Math.ceil(scaled);
        double next = integral + Math.copySign(1.0, value);
        if (unscale(next, places, exponent) == value) {
            integral = next;
        }
        double edge = unscale(Math.abs(integral) + 0.5, places, exponent);
        if (Math.abs(value) >= edge) {
            integral += Math.copySign(1.0, value);
        }
        if (Math.abs(places) < 23) {
            return unscale(integral, places, exponent);
        }
        double reparsed = Double.parseDouble(String.format(java.util.Locale.ROOT, "%15fe%d", integral, -places));
        return Double.isFinite(reparsed) ? reparsed : value;
    }

    private static double unscale(double integral, int places, double exponent) {
        return places > 0 ? integral / exponent : integral * exponent;
    }

    private static double intPow10(int power) {
        if (power < 0 || power > 22) {
            return StrictMath.pow(10.0, power);
        }
        return POWERS_OF_TEN[power];
    }

    static double twigRound(Object value, long precision, String method) {
        double number = Php.toDouble(value);
        if ("common".equals(method)) {
            return round(number, precision);
        }
        if (!"ceil".equals(method) && !"floor".equals(method)) {
            throw new PhpError("The round filter only supports the \"common\", \"ceil\", and \"floor\" methods.");
        }
        double factor = Php.toDouble(Php.pow(10L, precision));
        double scaled = number * factor;
        return ("ceil".equals(method) ? Math.ceil(scaled) : Math.floor(scaled)) / factor;
    }

    static String numberFormat(double number, long decimals, String decPoint, String thousandsSep, Budget budget) {
        boolean negative = number < 0;
        int dec = (int) Math.max(0, Math.min(decimals, 1000));
        double d = round(Math.abs(number), dec);
        if (!Double.isFinite(d)) {
            return Double.isNaN(d) ? "nan" : (negative ? "-inf" : "inf");
        }
        String fixed = new BigDecimal(d).setScale(dec, RoundingMode.HALF_EVEN).toPlainString();
        if (negative && d == 0) {
            negative = false;
        }
        int point = fixed.indexOf('.');
        String integer = point < 0 ? fixed : fixed.substring(0, point);
        String fraction = point < 0 ? "" : fixed.substring(point + 1);
        String sep = thousandsSep == null ? "" : thousandsSep;
        String dp = decPoint == null ? "" : decPoint;
        long groups = (integer.length() - 1) / 3;
        budget.checkString((negative ? 1L : 0L) + integer.length() + groups * sep.length()
                + (dec > 0 ? dp.length() + (long) dec : 0));
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        int lead = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, lead);
        for (int i = lead; i < integer.length(); i += 3) {
            out.append(sep).append(integer, i, i + 3);
        }
        if (dec > 0) {
            out.append(dp).append(fraction);
        }
        return out.toString();
    }

    static Number abs(Object value) {
        Object v = Php.normalize(value);
        Number number;
        if (v instanceof Long || v instanceof Double) {
            number = (Number) v;
        } else if (v == null || v instanceof Boolean) {
            number = Php.toLong(v);
        } else if (v instanceof String s && Php.parseNumeric(s) != null) {
            number = Php.parseNumeric(s);
        } else {
            throw new PhpError("abs(): Argument #1 ($num) must be of type int|float, " + Php.typeName(v) + " given");
        }
        if (number instanceof Long l) {
            return l == Long.MIN_VALUE ? (Number) (-(double) l) : (Number) Math.abs(l);
        }
        return Math.abs(number.doubleValue());
    }
}

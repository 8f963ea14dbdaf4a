package io.perscom.webhooks.automation.php;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PHP's float-to-string conversions (zend_gcvt): {@code echo}/string casts use precision 14, {@code json_encode} and
 * {@code var_export} use serialize_precision -1 (the shortest representation that round-trips, 17 digits at most).
 */
final class FloatFormat {

    private FloatFormat() {
    }

    /** {@code (string) $float} with precision=14: 0.1+0.2 -> "0.3", 1e20 -> "1.0E+20", -0.0 -> "-0". */
    static String echo(double d) {
        return gcvt(d, 14, 'E');
    }

    /** The shortest round-trip form as json_encode writes it: 0.1 -> "0.1", 1e25 -> "1.0e+25", 1.0 -> "1". */
    static String json(double d) {
        return gcvt(d, 0, 'e');
    }

    /** var_export / serialize form: shortest round-trip with 'E' exponent. */
    static String repr(double d) {
        return gcvt(d, 0, 'E');
    }

    /**
     * @param precision significant digits, or 0 for the shortest representation (serialize_precision -1)
     */
    static String gcvt(double d, int precision, char expChar) {
        if (Double.isNaN(d)) {
            return "NAN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String digits;
        int decpt;
        if (d == 0) {
            digits = "0";
            decpt = 1;
        } else {
            BigDecimal exact = precision == 0
                    ? new BigDecimal(Double.toString(Math.abs(d)))
                    : new BigDecimal(Math.abs(d)).round(new MathContext(precision, RoundingMode.HALF_EVEN));
            exact = exact.stripTrailingZeros();
            digits = exact.unscaledValue().toString();
            decpt = digits.length() - exact.scale();
        }
        int ndigit = precision == 0 ? 17 : precision;
        StringBuilder out = new StringBuilder(32);
        if (negative) {
            out.append('-');
        }
        if (decpt < 0 ? decpt < -3 : decpt > ndigit) {
            int exponent = decpt - 1;
            out.append(digits.charAt(0)).append('.');
            out.append(digits.length() == 1 ? "0" : digits.substring(1));
            out.append(expChar).append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        } else if (decpt <= 0) {
            out.append("0.");
            out.append("0".repeat(-decpt));
            out.append(digits);
        } else {
            if (digits.length() <= decpt) {
                out.append(digits).append("0".repeat(decpt - digits.length()));
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        }
        return out.toString();
    }
}

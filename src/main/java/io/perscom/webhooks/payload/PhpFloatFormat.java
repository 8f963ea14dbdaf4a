package io.perscom.webhooks.payload;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PHP's float-to-text conversion ({@code php_gcvt}), in its two uses on the wire: {@code json_encode} with
 * {@code serialize_precision=-1} (shortest round-trip digits, fixed notation up to 17 integer digits, {@code 1.0e+25})
 * and the string form with {@code precision=14} that {@code http_build_query} uses ({@code 0.3}, {@code 1.0E+15}).
 * Neither appends {@code .0} to whole numbers: PHP encodes {@code 2.0} as {@code 2}.
 */
final class PhpFloatFormat {

    private static final int SHORTEST_MAX_DIGITS = 17;
    private static final int STRING_PRECISION = 14;

    private PhpFloatFormat() {
    }

    /** {@code json_encode($float)}; PHP refuses INF and NAN, so do we. */
    static String json(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("PHP's json_encode cannot encode " + value);
        }
        return gcvt(value, shortest(Math.abs(value)), SHORTEST_MAX_DIGITS, 'e');
    }

    /** {@code (string) $float} as PHP 8 writes it with {@code precision=14}. */
    static String string(double value) {
        if (Double.isNaN(value)) {
            return "NAN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "INF" : "-INF";
        }
        BigDecimal digits = new BigDecimal(Math.abs(value)).round(new MathContext(STRING_PRECISION, RoundingMode.HALF_EVEN));
        return gcvt(value, digits, STRING_PRECISION, 'E');
    }

    /** The fewest significant digits that still read back as the same double (zend_dtoa mode 0). */
    private static BigDecimal shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision < SHORTEST_MAX_DIGITS; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == magnitude) {
                return rounded;
            }
        }
        return exact.round(new MathContext(SHORTEST_MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    /** Lays out significant digits like php_gcvt: exponential when the exponent is below -4 or beyond ndigit. */
    private static String gcvt(double value, BigDecimal magnitude, int ndigit, char exponentChar) {
        StringBuilder out = new StringBuilder(24);
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            out.append('-');
        }
        if (magnitude.signum() == 0) {
            return out.append('0').toString();
        }
        BigDecimal stripped = magnitude.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int decimalPoint = digits.length() - stripped.scale();
        if (decimalPoint < 0 ? decimalPoint < -3 : decimalPoint > ndigit) {
            int exponent = decimalPoint - 1;
            out.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append(exponentChar).append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        } else if (decimalPoint < 0) {
            out.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (digits.length() <= decimalPoint) {
            out.append(digits).append("0".repeat(decimalPoint - digits.length()));
        } else {
            out.append(decimalPoint == 0 ? "0" : digits.substring(0, decimalPoint)).append('.')
                    .append(digits.substring(decimalPoint));
        }
        return out.toString();
    }
}

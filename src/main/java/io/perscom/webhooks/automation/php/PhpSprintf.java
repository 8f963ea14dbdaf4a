package io.perscom.webhooks.automation.php;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * PHP 8.2's sprintf (php_formatted_print), quirks included. Works on the UTF-8 bytes like PHP (widths and precisions
 * of %s count bytes), one char per byte, and decodes the result at the end.
 */
final class PhpSprintf {

    private static final int DEFAULT_PRECISION = 6;
    private static final int MAX_FLOAT_PRECISION = 53;
    private static final int NEXT_ARG = -1;

    private final String format;
    private final List<Object> args;
    private final Budget budget;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int currentArg;
    private int maxMissingArg = -1;

    private PhpSprintf(String format, List<Object> args, Budget budget) {
        this.format = ByteString.encode(format);
        this.args = args;
        this.budget = budget;
    }

    static String format(String format, List<Object> args, Budget budget) {
        return new PhpSprintf(format, args, budget).run();
    }

    private static final class Spec {
        int argnum = NEXT_ARG;
        char padding = ' ';
        boolean left;
        boolean alwaysSign;
        int width;
        int precision;
        boolean hasPrecision;
    }

    private String run() {
        while (pos < format.length()) {
            char c = format.charAt(pos);
            if (c != '%') {
                out.append(c);
                pos++;
            } else if (charAt(pos + 1) == '%') {
                out.append('%');
                pos += 2;
            } else {
                pos++;
                conversion();
            }
            budget.checkString(out.length());
        }
        if (maxMissingArg >= 0) {
            throw new PhpError((maxMissingArg + 2) + " arguments are required, " + (args.size() + 1) + " given");
        }
        return ByteString.decode(out.toString());
    }

    private void conversion() {
        Spec spec = new Spec();
        if (!isAlpha(charAt(pos))) {
            int digitsEnd = pos;
            while (isDigit(charAt(digitsEnd))) {
                digitsEnd++;
            }
            if (charAt(digitsEnd) == '$') {
                int argnum = readNumber("Argument number specifier");
                if (argnum <= 0) {
                    throw new PhpError("Argument number specifier must be greater than zero and less than "
                            + Integer.MAX_VALUE);
                }
                spec.argnum = argnum - 1;
                pos++;
            }
            flags(spec);
            if (charAt(pos) == '*') {
                pos++;
                spec.width = (int) starArgument("Width");
            } else if (isDigit(charAt(pos))) {
                spec.width = readNumber("Width");
            }
            if (charAt(pos) == '.') {
                pos++;
                spec.hasPrecision = true;
                if (charAt(pos) == '*') {
                    pos++;
                    spec.precision = (int) starArgument("Precision");
                } else if (isDigit(charAt(pos))) {
                    spec.precision = readNumber("Precision");
                }
            }
        }
        if (charAt(pos) == 'l') {
            pos++;
        }
        int argIndex = spec.argnum == NEXT_ARG ? currentArg++ : spec.argnum;
        if (argIndex >= args.size()) {
            // like PHP, the conversion character is not consumed here: it is read again as text
            maxMissingArg = Math.max(maxMissingArg, argIndex);
            return;
        }
        if (pos >= format.length()) {
            throw new PhpError("Missing format specifier at end of string");
        }
        char conversion = format.charAt(pos++);
        append(spec, conversion, args.get(argIndex));
    }

    private void flags(Spec spec) {
        while (true) {
            char f = charAt(pos);
            if (f == ' ' || f == '0') {
                spec.padding = f;
            } else if (f == '-') {
                spec.left = true;
            } else if (f == '+') {
                spec.alwaysSign = true;
            } else if (f == '\'') {
                if (pos + 1 >= format.length()) {
                    throw new PhpError("Missing padding character");
                }
                spec.padding = format.charAt(++pos);
            } else {
                return;
            }
            pos++;
        }
    }

    private long starArgument(String what) {
        int argIndex = currentArg++;
        if (argIndex >= args.size()) {
            maxMissingArg = Math.max(maxMissingArg, argIndex);
            return 0;
        }
        Object arg = Php.normalize(args.get(argIndex));
        if (!(arg instanceof Long value)) {
            throw new PhpError(what + " must be an integer");
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new PhpError(what + " must be greater than or equal to zero and less than " + Integer.MAX_VALUE);
        }
        budget.checkString(value);
        return value;
    }

    private int readNumber(String what) {
        long value = 0;
        while (isDigit(charAt(pos))) {
            value = value * 10 + (format.charAt(pos++) - '0');
            if (value >= Integer.MAX_VALUE) {
                throw new PhpError(what + " must be greater than zero and less than " + Integer.MAX_VALUE);
            }
        }
        budget.checkString(value);
        return (int) value;
    }

    private void append(Spec spec, char conversion, Object arg) {
        switch (conversion) {
            case 's' -> {
                String s = ByteString.encode(Php.toStr(arg));
                appendString(s, spec.width, spec.hasPrecision ? spec.precision : -1, spec.padding, spec.left,
                        false, false);
            }
            case 'd' -> {
                long n = Php.toLong(arg);
                String digits = n >= 0 && spec.alwaysSign ? "+" + n : Long.toString(n);
                appendString(digits, spec.width, -1, intPadding(spec), spec.left, n < 0, spec.alwaysSign);
            }
            case 'u' -> appendString(Long.toUnsignedString(Php.toLong(arg)), spec.width, -1, intPadding(spec),
                    spec.left, false, false);
            case 'x' -> appendString(Long.toHexString(Php.toLong(arg)), spec.width, -1, spec.padding, spec.left,
                    false, false);
            case 'X' -> appendString(Long.toHexString(Php.toLong(arg)).toUpperCase(Locale.ROOT), spec.width, -1,
                    spec.padding, spec.left, false, false);
            case 'o' -> appendString(Long.toOctalString(Php.toLong(arg)), spec.width, -1, spec.padding, spec.left,
                    false, false);
            case 'b' -> appendString(Long.toBinaryString(Php.toLong(arg)), spec.width, -1, spec.padding, spec.left,
                    false, false);
            case 'c' -> out.append((char) (Php.toLong(arg) & 0xFF));
            case '%' -> out.append('%');
            case 'e', 'E', 'f', 'F', 'g', 'G', 'h', 'H' -> appendDouble(spec, conversion, Php.toDouble(arg));
            default -> throw new PhpError("Unknown format specifier \"" + conversion + "\"");
        }
    }

    /** "Can't right-pad 0's on integers": left-aligned %d and %u pad with spaces. */
    private static char intPadding(Spec spec) {
        return spec.left && spec.padding == '0' ? ' ' : spec.padding;
    }

    private void appendDouble(Spec spec, char conversion, double number) {
        int precision = !spec.hasPrecision ? DEFAULT_PRECISION : Math.min(spec.precision, MAX_FLOAT_PRECISION);
        boolean negative = number < 0;
        if (Double.isNaN(number)) {
            appendString("NaN", 3, -1, spec.padding, spec.left, false, spec.alwaysSign);
            return;
        }
        if (Double.isInfinite(number)) {
            appendString("INF", 3, -1, spec.padding, spec.left, negative, spec.alwaysSign);
            return;
        }
        double abs = Math.abs(number);
        String body = switch (conversion) {
            case 'f', 'F' -> new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
            case 'e', 'E' -> exponential(abs, precision, conversion);
            default -> FloatFormat.gcvt(abs, precision == 0 ? 1 : precision,
                    conversion == 'G' || conversion == 'H' ? 'E' : 'e');
        };
        if (negative) {
            body = "-" + body;
        } else if (spec.alwaysSign) {
            body = "+" + body;
        }
        appendString(body, spec.width, -1, spec.padding, spec.left, negative, spec.alwaysSign);
    }

    /** php_conv_fp for 'e': d.ddddde+x with precision digits after the point, exponent without padding. */
    private static String exponential(double abs, int precision, char e) {
        String digits;
        int exponent;
        if (abs == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
            if (digits.length() < precision + 1) {
                digits = digits + "0".repeat(precision + 1 - digits.length());
            } else if (digits.length() > precision + 1) {
                digits = digits.substring(0, precision + 1);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(digits.charAt(0));
        if (precision > 0) {
            s.append('.').append(digits, 1, digits.length());
        }
        return s.append(e).append(exponent < 0 ? '-' : '+').append(Math.abs(exponent)).toString();
    }

    /**
     * php_sprintf_appendstring: at most {@code maxWidth} chars of {@code s} (-1: all), padded to {@code minWidth}; with
     * zero padding on the right-aligned side a sign is written first and its char skipped (PHP's way).
     */
    private void appendString(String s, int minWidth, int maxWidth, char padding, boolean left, boolean negative,
            boolean alwaysSign) {
        int copy = maxWidth >= 0 ? Math.min(maxWidth, s.length()) : s.length();
        int npad = Math.max(0, minWidth - copy);
        budget.checkString((long) out.length() + copy + npad);
        int from = 0;
        if (!left) {
            if ((negative || alwaysSign) && padding == '0') {
                out.append(negative ? '-' : '+');
                from = 1;
            }
            out.repeat(padding, npad);
        }
        out.append(s, from, Math.max(from, copy));
        if (left) {
            out.repeat(padding, npad);
        }
    }

    private char charAt(int i) {
        return i < format.length() ? format.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

package io.perscom.webhooks.automation.php;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * PHP 8.2's sprintf (php_formatted_print). Works on the UTF-8 bytes like PHP (widths and precisions of %s count
 * bytes), one char per byte, and decodes the result at the end.
 */
final class PhpSprintf {

    private static final int DEFAULT_PRECISION = 6;
    private static final int MAX_FLOAT_PRECISION = 53;

    private final String format;
    private final List<Object> args;
    private final Budget budget;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int nextArg;

    private PhpSprintf(String format, List<Object> args, Budget budget) {
        this.format = ByteString.encode(format);
        this.args = args;
        this.budget = budget;
    }

    static String format(String format, List<Object> args, Budget budget) {
        return new PhpSprintf(format, args, budget).run();
    }

    private String run() {
        int maxArgUsed = -1;
        while (pos < format.length()) {
            char c = format.charAt(pos);
            if (c != '%') {
                out.append(c);
                pos++;
                continue;
            }
            if (pos + 1 < format.length() && format.charAt(pos + 1) == '%') {
                out.append('%');
                pos += 2;
                continue;
            }
            pos++;
            Spec spec = parseSpec();
            int argIndex = spec.argnum >= 0 ? spec.argnum : nextArg++;
            if (argIndex >= args.size()) {
                throw new PhpError(spec.argnum >= 0
                        ? (args.size() + 2) + " arguments are required, " + (args.size() + 1) + " given"
                        : (argIndex + 2) + " arguments are required, " + (args.size() + 1) + " given");
            }
            maxArgUsed = Math.max(maxArgUsed, argIndex);
            append(spec, args.get(argIndex));
            budget.checkString(out.length());
        }
        return ByteString.decode(out.toString());
    }

    private static final class Spec {
        int argnum = -1;
        char padding = ' ';
        boolean left;
        boolean alwaysSign;
        int width;
        int precision = -1;
        char conversion;
    }

    private Spec parseSpec() {
        Spec spec = new Spec();
        int digitsEnd = pos;
        while (digitsEnd < format.length() && Character.isDigit(format.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd > pos && digitsEnd < format.length() && format.charAt(digitsEnd) == '$') {
            long argnum = Long.parseLong(format.substring(pos, Math.min(digitsEnd, pos + 10)));
            if (argnum <= 0 || argnum >= Integer.MAX_VALUE) {
                throw new PhpError("Argument number specifier must be greater than zero and less than "
                        + Integer.MAX_VALUE);
            }
            spec.argnum = (int) argnum - 1;
            pos = digitsEnd + 1;
        }
        while (pos < format.length()) {
            char f = format.charAt(pos);
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
                break;
            }
            pos++;
        }
        spec.width = readNumber("Width");
        if (pos < format.length() && format.charAt(pos) == '.') {
            pos++;
            spec.precision = Character.isDigit(charAt(pos)) ? readNumber("Precision") : 0;
        }
        if (pos < format.length() && format.charAt(pos) == 'l') {
            pos++;
        }
        if (pos >= format.length()) {
            throw new PhpError("Missing format specifier at end of string");
        }
        spec.conversion = format.charAt(pos++);
        return spec;
    }

    private char charAt(int i) {
        return i < format.length() ? format.charAt(i) : 0;
    }

    private int readNumber(String what) {
        long value = 0;
        while (pos < format.length() && Character.isDigit(format.charAt(pos))) {
            value = value * 10 + (format.charAt(pos++) - '0');
            if (value >= Integer.MAX_VALUE) {
                throw new PhpError(what + " must be greater than zero and less than " + Integer.MAX_VALUE);
            }
        }
        budget.checkString(value);
        return (int) value;
    }

    private void append(Spec spec, Object arg) {
        switch (spec.conversion) {
            case 's' -> {
                String s = ByteString.encode(Php.toStr(arg));
                appendPadded(spec, s, spec.precision >= 0 ? Math.min(spec.precision, s.length()) : s.length(), false);
            }
            case 'd' -> {
                long n = Php.toLong(arg);
                String digits = Long.toString(n);
                if (n >= 0 && spec.alwaysSign) {
                    digits = "+" + digits;
                }
                appendPadded(spec, digits, digits.length(), n < 0 || spec.alwaysSign);
            }
            case 'u' -> {
                String digits = Long.toUnsignedString(Php.toLong(arg));
                appendPadded(spec, digits, digits.length(), false);
            }
            case 'x' -> appendPadded(spec, Long.toHexString(Php.toLong(arg)), -1, false);
            case 'X' -> appendPadded(spec, Long.toHexString(Php.toLong(arg)).toUpperCase(java.util.Locale.ROOT), -1,
                    false);
            case 'o' -> appendPadded(spec, Long.toOctalString(Php.toLong(arg)), -1, false);
            case 'b' -> appendPadded(spec, Long.toBinaryString(Php.toLong(arg)), -1, false);
            case 'c' -> out.append((char) (Php.toLong(arg) & 0xFF));
            case 'e', 'E', 'f', 'F', 'g', 'G', 'h', 'H' -> appendDouble(spec, Php.toDouble(arg));
            default -> throw new PhpError("Unknown format specifier \"" + spec.conversion + "\"");
        }
    }

    private void appendDouble(Spec spec, double number) {
        int precision = spec.precision < 0 ? DEFAULT_PRECISION : Math.min(spec.precision, MAX_FLOAT_PRECISION);
        if (Double.isNaN(number)) {
            appendPadded(spec, "NaN", 3, false);
            return;
        }
        if (Double.isInfinite(number)) {
            String s = number < 0 ? "-Inf" : spec.alwaysSign ? "+Inf" : "Inf";
            appendPadded(spec, s, s.length(), number < 0 || spec.alwaysSign);
            return;
        }
        boolean negative = number < 0;
        double abs = Math.abs(number);
        String body = switch (spec.conversion) {
            case 'f', 'F' -> new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
            case 'e', 'E' -> exponential(abs, precision, spec.conversion);
            default -> {
                String g = FloatFormat.gcvt(number, precision == 0 ? 1 : precision,
                        spec.conversion == 'G' || spec.conversion == 'H' ? 'E' : 'e');
                yield g.startsWith("-") ? g.substring(1) : g;
            }
        };
        if (negative) {
            body = "-" + body;
        } else if (spec.alwaysSign) {
            body = "+" + body;
        }
        appendPadded(spec, body, body.length(), negative || spec.alwaysSign);
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
     * php_sprintf_appendstring: {@code copyLength} chars of {@code s} (-1: all), padded to the width; a sign moves in
     * front of zero padding.
     */
    private void appendPadded(Spec spec, String s, int copyLength, boolean signed) {
        int copy = copyLength < 0 ? s.length() : copyLength;
        int npad = Math.max(0, spec.width - copy);
        budget.checkString((long) out.length() + copy + npad);
        int from = 0;
        if (!spec.left) {
            if (signed && spec.padding == '0') {
                out.append(s.charAt(0));
                from = 1;
            }
            out.repeat(spec.padding, npad);
        }
        out.append(s, from, copy);
        if (spec.left) {
            out.repeat(spec.padding, npad);
        }
    }
}

package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpError;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** PHP's sprintf (the "format" filter): %[argnum$][flags][width][.precision]specifier. */
final class PhpSprintf {
    private PhpSprintf() {}

    static String format(String format, Object[] args, Budget budget) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i < n && format.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int argIndex = -1;
            int start = i;
            while (i < n && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i < n && i > start && format.charAt(i) == '$') {
                argIndex = Integer.parseInt(format.substring(start, i)) - 1;
                if (argIndex < 0) {
                    throw new PhpError("Argument number specifier must be greater than zero and less than "
                            + Integer.MAX_VALUE);
                }
                i++;
            } else {
                i = start;
            }
            boolean left = false;
            boolean plus = false;
            char pad = ' ';
            while (i < n) {
                char f = format.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == '0') {
                    pad = '0';
                } else if (f == ' ') {
                    pad = ' ';
                } else if (f == '\'' && i + 1 < n) {
                    pad = format.charAt(++i);
                } else {
                    break;
                }
                i++;
            }
            int width = 0;
            while (i < n && Character.isDigit(format.charAt(i))) {
                width = width * 10 + (format.charAt(i++) - '0');
                budget.checkString(width);
            }
            int precision = -1;
            if (i < n && format.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    precision = Math.min(precision * 10 + (format.charAt(i++) - '0'), 1000);
                }
            }
            if (i >= n) {
                throw new PhpError("Missing format specifier at end of string");
            }
            char spec = format.charAt(i++);
            int index = argIndex >= 0 ? argIndex : next++;
            if (index >= args.length) {
                throw new PhpError((index + 2) + " arguments are required, " + (args.length + 1) + " given");
            }
            Object arg = Values.unwrap(args[index]);
            String body = convert(spec, arg, precision, plus);
            if (body.length() < width) {
                String padding = String.valueOf(pad).repeat(width - body.length());
                boolean numeric = "deEfFgGu".indexOf(spec) >= 0;
                if (left) {
                    body = body + (pad == '0' ? " ".repeat(width - body.length()) : padding);
                } else if (pad == '0' && numeric && (body.startsWith("-") || body.startsWith("+"))) {
                    body = body.charAt(0) + padding + body.substring(1);
                } else {
                    body = padding + body;
                }
            }
            budget.checkString((long) out.length() + body.length());
            out.append(body);
        }
        return out.toString();
    }

    private static String convert(char spec, Object arg, int precision, boolean plus) {
        switch (spec) {
            case 's' -> {
                String s = Values.str(arg);
                return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
            }
            case 'd' -> {
                long v = Php.toLong(arg);
                return (plus && v >= 0 ? "+" : "") + v;
            }
            case 'u' -> {
                return Long.toUnsignedString(Php.toLong(arg));
            }
            case 'f', 'F' -> {
                double d = Php.toDouble(arg);
                String s = fixed(d, precision < 0 ? 6 : precision);
                return (plus && d >= 0 ? "+" : "") + s;
            }
            case 'e', 'E' -> {
                double d = Php.toDouble(arg);
                String s = exponent(d, precision < 0 ? 6 : precision);
                s = spec == 'E' ? s.toUpperCase(java.util.Locale.ROOT) : s;
                return (plus && d >= 0 ? "+" : "") + s;
            }
            case 'x' -> {
                return Long.toHexString(Php.toLong(arg));
            }
            case 'X' -> {
                return Long.toHexString(Php.toLong(arg)).toUpperCase(java.util.Locale.ROOT);
            }
            case 'o' -> {
                return Long.toOctalString(Php.toLong(arg));
            }
            case 'b' -> {
                return Long.toBinaryString(Php.toLong(arg));
            }
            case 'c' -> {
                return String.valueOf((char) (Php.toLong(arg) & 0xFF));
            }
            default -> throw new PhpError("Unknown format specifier \"" + spec + "\"");
        }
    }

    static String fixed(double d, int precision) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        return new BigDecimal(d).setScale(precision, RoundingMode.HALF_UP).toPlainString();
    }

    private static String exponent(double d, int precision) {
        if (d == 0) {
            return "0." + "0".repeat(precision) + "e+0";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + precision + "e", d);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + Math.abs(exp);
    }
}

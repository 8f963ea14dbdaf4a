package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.LimitExceeded;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import java.nio.charset.StandardCharsets;

/**
 * The PHP operations behind the ExpressionLanguage operators that the php runtime does not provide itself:
 * bitwise operators, strict {@code in}, the string predicates and {@code range()} (PHP 8.2 semantics).
 */
final class Operators {

    private Operators() {
    }

    /** {@code in_array($needle, $haystack, true)}, as EL 8.0's {@code in}/{@code not in} call it. */
    static boolean inArrayStrict(Object needle, Object haystack, Budget budget) {
        if (!(haystack instanceof PhpArray array)) {
            throw new PhpError("in_array(): Argument #2 ($haystack) must be of type array, " + Php.typeName(haystack)
                    + " given");
        }
        for (Object value : array.values()) {
            budget.tick();
            if (Php.strictEquals(needle, value)) {
                return true;
            }
        }
        return false;
    }

    /** A string parameter of an internal PHP function in coercive mode (null becomes "" with a mere deprecation). */
    static String stringArgument(String function, int position, String parameter, Object value) {
        if (value instanceof PhpArray || (value != null && !(value instanceof String) && !(value instanceof Boolean)
                && !(value instanceof Number) && !(value instanceof PhpDate))) {
            throw new PhpError(function + "(): Argument #" + position + " ($" + parameter + ") must be of type string, "
                    + Php.typeName(value) + " given");
        }
        return Php.toStr(value);
    }

    static boolean contains(Object haystack, Object needle) {
        return stringArgument("str_contains", 1, "haystack", haystack)
                .contains(stringArgument("str_contains", 2, "needle", needle));
    }

    static boolean startsWith(Object haystack, Object needle) {
        return stringArgument("str_starts_with", 1, "haystack", haystack)
                .startsWith(stringArgument("str_starts_with", 2, "needle", needle));
    }

    static boolean endsWith(Object haystack, Object needle) {
        return stringArgument("str_ends_with", 1, "haystack", haystack)
                .endsWith(stringArgument("str_ends_with", 2, "needle", needle));
    }

    /** {@code |}, {@code &}, {@code ^}: bytewise on two strings, otherwise on ints. */
    static Object bitwise(String operator, Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return bitwiseStrings(operator, a, b);
        }
        long a = intOperand(left, left, right, operator);
        long b = intOperand(right, left, right, operator);
        return switch (operator) {
            case "|" -> a | b;
            case "&" -> a & b;
            default -> a ^ b;
        };
    }

    /** {@code <<} and {@code >>} (PHP: shifts of 64 or more give 0, or -1 for a negative value shifted right). */
    static Object shift(String operator, Object left, Object right) {
        long value = intOperand(left, left, right, operator);
        long by = intOperand(right, left, right, operator);
        if (by < 0) {
            throw new PhpError("Bit shift by negative number");
        }
        if ("<<".equals(operator)) {
            return by >= 64 ? 0L : value << by;
        }
        return by >= 64 ? (value < 0 ? -1L : 0L) : value >> by;
    }

    /** {@code ~}: bitwise not of an int (floats truncated) or of each byte of a string. */
    static Object bitwiseNot(Object value) {
        value = Php.normalize(value);
        if (value instanceof Long l) {
            return ~l;
        }
        if (value instanceof Double d) {
            return ~Php.doubleToLong(d);
        }
        if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        throw new PhpError("Cannot perform bitwise not on " + Php.typeName(value));
    }

    private static String bitwiseStrings(String operator, String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        // | keeps the longer length, & and ^ the shorter (PHP)
        int length = "|".equals(operator) ? Math.max(x.length, y.length) : Math.min(x.length, y.length);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            byte p = i < x.length ? x[i] : 0;
            byte q = i < y.length ? y[i] : 0;
            out[i] = (byte) switch (operator) {
                case "|" -> (i < x.length ? p : q) | (i < y.length ? q : p);
                case "&" -> p & q;
                default -> p ^ q;
            };
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** An operand of an integer operator: like the arithmetic operands, then truncated to int. */
    private static long intOperand(Object value, Object left, Object right, String operator) {
        value = Php.normalize(value);
        if (value instanceof PhpArray || value instanceof PhpDate
                || (value instanceof String s && !Php.isNumeric(s) && !leadingNumeric(s))) {
            throw new PhpError("Unsupported operand types: " + Php.typeName(left) + " " + operator + " "
                    + Php.typeName(right));
        }
        if (value instanceof String || value == null || value instanceof Boolean) {
            value = Php.toNumber(value); // raises "A non-numeric value encountered" for "5 apples"
        }
        if (value instanceof Double d) {
            return Php.doubleToLong(d);
        }
        return (Long) value;
    }

    private static boolean leadingNumeric(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\r\u000B\f".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        return i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128;
    }

    /**
     * {@code range($low, $high)} with PHP 8.2's rules: two non-numeric strings give a range of their first bytes,
     * a float (or float string) gives floats, anything else ints. The size is checked before any allocation.
     */
    static PhpArray range(Object low, Object high, Budget budget) {
        low = Php.normalize(low);
        high = Php.normalize(high);
        if (low instanceof String a && high instanceof String b && !a.isEmpty() && !b.isEmpty()) {
            boolean aNumeric = Php.isNumeric(a);
            boolean bNumeric = Php.isNumeric(b);
            if (!aNumeric && !bNumeric) {
                return charRange(a.getBytes(StandardCharsets.UTF_8)[0] & 0xff,
                        b.getBytes(StandardCharsets.UTF_8)[0] & 0xff, budget);
            }
            if (isFloatString(a) || isFloatString(b)) {
                return floatRange(Php.toDouble(a), Php.toDouble(b), budget);
            }
            return intRange(Php.toLong(a), Php.toLong(b), budget);
        }
        if (low instanceof Double || high instanceof Double) {
            return floatRange(asDouble(low), asDouble(high), budget);
        }
        return intRange(asLong(low), asLong(high), budget);
    }

    private static boolean isFloatString(String s) {
        return Php.isNumeric(s) && Php.parseNumeric(s) instanceof Double;
    }

    private static double asDouble(Object value) {
        return value instanceof PhpArray array ? (array.isEmpty() ? 0 : 1) : Php.toDouble(value);
    }

    private static long asLong(Object value) {
        return value instanceof PhpArray array ? (array.isEmpty() ? 0 : 1) : Php.toLong(value);
    }

    private static PhpArray intRange(long low, long high, Budget budget) {
        double size = Math.abs((double) high - (double) low) + 1;
        checkSize(size, budget);
        PhpArray out = new PhpArray();
        long step = low <= high ? 1 : -1;
        for (long i = low; ; i += step) {
            budget.tick();
            out.append(i);
            if (i == high) {
                return out;
            }
        }
    }

    private static PhpArray floatRange(double low, double high, Budget budget) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new PhpError("range(): Argument #" + (Double.isFinite(low) ? 2 : 1) + " must be a finite number, INF provided");
        }
        double size = Math.floor(Math.abs(high - low)) + 1;
        checkSize(size, budget);
        PhpArray out = new PhpArray();
        long count = (long) size;
        for (long i = 0; i < count; i++) {
            budget.tick();
            out.append(low <= high ? low + i : low - i);
        }
        return out;
    }

    private static PhpArray charRange(int low, int high, Budget budget) {
        checkSize(Math.abs(high - low) + 1, budget);
        PhpArray out = new PhpArray();
        int step = low <= high ? 1 : -1;
        for (int c = low; ; c += step) {
            budget.tick();
            out.append(new String(new byte[] {(byte) c}, StandardCharsets.ISO_8859_1));
            if (c == high) {
                return out;
            }
        }
    }

    private static void checkSize(double size, Budget budget) {
        if (size > Integer.MAX_VALUE) {
            throw new LimitExceeded("collection", "array of " + (long) size + " elements exceeds the limit of "
                    + budget.limits().maxCollectionSize() + " elements");
        }
        budget.checkCollection((long) size);
    }
}

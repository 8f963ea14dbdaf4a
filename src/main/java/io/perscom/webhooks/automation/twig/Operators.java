package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpRegex;
import io.perscom.webhooks.automation.twig.Node.Binary;

/** Twig's binary operators, compiled by Twig 3.5 to the PHP 8 operators and helpers used here. */
final class Operators {
    private Operators() {}

    static Object binary(Interpreter rt, Binary b, Scope scope) {
        switch (b.op()) {
            case "or" -> {
                return Values.truthy(rt.eval(b.left(), scope)) || Values.truthy(rt.eval(b.right(), scope));
            }
            case "xor" -> {
                return Values.truthy(rt.eval(b.left(), scope)) ^ Values.truthy(rt.eval(b.right(), scope));
            }
            case "and" -> {
                return Values.truthy(rt.eval(b.left(), scope)) && Values.truthy(rt.eval(b.right(), scope));
            }
            default -> {
                // both operands are evaluated, left first, as in the compiled PHP
            }
        }
        Object left = rt.eval(b.left(), scope);
        Object right = rt.eval(b.right(), scope);
        Object l = Values.unwrap(left);
        Object r = Values.unwrap(right);
        return switch (b.op()) {
            case "~" -> concat(rt, left, right);
            case "+" -> Php.add(l, r);
            case "-" -> Php.sub(l, r);
            case "*" -> Php.mul(l, r);
            case "/" -> Php.div(l, r);
            case "%" -> Php.mod(l, r);
            case "**" -> Php.pow(l, r);
            case "//" -> floorDiv(l, r);
            case "==" -> Php.looseEquals(l, r);
            case "!=" -> !Php.looseEquals(l, r);
            case "===" -> left instanceof Markup || right instanceof Markup ? left == right : Php.strictEquals(l, r);
            case "!==" -> !(left instanceof Markup || right instanceof Markup ? left == right : Php.strictEquals(l, r));
            case "<" -> Php.compare(l, r) < 0;
            case ">" -> Php.compare(l, r) > 0;
            case "<=" -> Php.compare(l, r) <= 0;
            case ">=" -> Php.compare(l, r) >= 0;
            case "<=>" -> (long) Integer.signum(Php.compare(l, r));
            case "in" -> in(rt, l, r);
            case "not in" -> !in(rt, l, r);
            case "matches" -> matches(rt, l, r);
            case "starts with" -> l instanceof String s && r instanceof String p && s.startsWith(p);
            case "ends with" -> l instanceof String s && r instanceof String p && s.endsWith(p);
            case "has some" -> hasSome(rt, left, right, true);
            case "has every" -> hasSome(rt, left, right, false);
            case ".." -> CoreFunctions.range(rt, l, r, 1L);
            case "b-and" -> bitwise(l, r, '&');
            case "b-or" -> bitwise(l, r, '|');
            case "b-xor" -> bitwise(l, r, '^');
            default -> throw new IllegalStateException("operator " + b.op());
        };
    }

    static String concat(Interpreter rt, Object left, Object right) {
        return concat(rt.budget(), left, right);
    }

    /** PHP's "." with the string size checked before the result is built. */
    static String concat(io.perscom.webhooks.automation.php.Budget budget, Object left, Object right) {
        String a = Values.str(left);
        String b = Values.str(right);
        budget.checkString((long) a.length() + b.length());
        return a.concat(b);
    }

    /** FloorDivBinary: (int) floor($left / $right). */
    private static Object floorDiv(Object l, Object r) {
        Object q = Php.div(l, r);
        return Php.doubleToLong(Math.floor(Php.toDouble(q)));
    }

    private static Object bitwise(Object l, Object r, char op) {
        long a = integerOperand(l, op);
        long b = integerOperand(r, op);
        return switch (op) {
            case '&' -> a & b;
            case '|' -> a | b;
            default -> a ^ b;
        };
    }

    private static long integerOperand(Object v, char op) {
        if (v instanceof PhpArray) {
            throw new PhpError("Unsupported operand types: array " + op + " int");
        }
        return Php.toLong(Php.toNumber(v));
    }

    /** twig_in_filter. */
    static boolean in(Interpreter rt, Object value, Object compare) {
        if (compare instanceof String haystack) {
            if (value instanceof String || value instanceof Long || value instanceof Double) {
                String needle = Php.toStr(value);
                rt.budget().tick(haystack.length() / 64 + 1);
                return needle.isEmpty() || contains(haystack, needle);
            }
            return false;
        }
        if (!(compare instanceof PhpArray array)) {
            return false;
        }
        if (Values.isObject(value)) {
            for (Object item : array.values()) {
                if (item == value) {
                    return true;
                }
            }
            return false;
        }
        for (Object item : array.values()) {
            if (twigCompare(value, Values.unwrap(item)) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * strpos($haystack, $needle) !== false in linear time: String.indexOf is quadratic in the worst case
     * ("aaa...ab" in "aaa...a"), which a template could use to burn CPU without ticking the budget.
     */
    static boolean contains(String haystack, String needle) {
        if ((long) haystack.length() * needle.length() <= 1_000_000L) {
            return haystack.contains(needle);
        }
        int[] fail = new int[needle.length()];
        for (int i = 1, k = 0; i < needle.length(); i++) {
            while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
                k = fail[k - 1];
            }
            if (needle.charAt(i) == needle.charAt(k)) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = 0, k = 0; i < haystack.length(); i++) {
            while (k > 0 && haystack.charAt(i) != needle.charAt(k)) {
                k = fail[k - 1];
            }
            if (haystack.charAt(i) == needle.charAt(k)) {
                k++;
            }
            if (k == needle.length()) {
                return true;
            }
        }
        return false;
    }

    /** twig_compare: PHP 8's <=> (Php.compare), which already implements PHP 8's string/number rules. */
    private static int twigCompare(Object a, Object b) {
        return Php.compare(a, b);
    }

    /** CoreExtension::matches (3.24): preg_match($regexp, $str ?? ''), an int 0 or 1; a bad pattern is an error. */
    private static Object matches(Interpreter rt, Object subject, Object pattern) {
        String source = Values.str(pattern);
        PhpRegex regex;
        try {
            regex = PhpRegex.compile(source);
        } catch (PhpError e) {
            String warning = e.getMessage();
            throw new PhpError("Regexp \"" + source + "\" passed to \"matches\" is not valid"
                    + (warning.length() > 12 ? warning.substring(12) : ""), e);
        }
        return regex.matches(Values.str(subject), rt.budget()) ? 1L : 0L;
    }

    private static boolean hasSome(Interpreter rt, Object array, Object arrow, boolean some) {
        String name = some ? "has some" : "has every";
        PhpArray items = ArrayFilters.requireArray(array, "The \"" + name
                + "\" test expects a sequence or a mapping, got \"%s\".");
        for (var e : items.entries()) {
            boolean hit = Values.truthy(rt.callArrow(arrow, name, e.getValue(), e.getKey()));
            if (hit == some) {
                return some;
            }
        }
        return !some;
    }
}

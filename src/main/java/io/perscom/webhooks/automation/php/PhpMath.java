package io.perscom.webhooks.automation.php;

import java.util.Map;

/** PHP 8.2 arithmetic: int overflow becomes float, errors as PHP raises them. */
final class PhpMath {

    private PhpMath() {
    }

    static Object add(Object a, Object b) {
        if (a instanceof PhpArray x && b instanceof PhpArray y) {
            PhpArray union = x.copy();
            for (Map.Entry<Object, Object> entry : y.entries()) {
                if (!union.containsKey(entry.getKey())) {
                    union.put(entry.getKey(), entry.getValue());
                }
            }
            return union;
        }
        Number x = operand(a, b, "+");
        Number y = operand(b, a, "+", a);
        if (x instanceof Long l && y instanceof Long r) {
            long sum = l + r;
            if (((l ^ sum) & (r ^ sum)) < 0) {
                return (double) l + (double) r;
            }
            return sum;
        }
        return x.doubleValue() + y.doubleValue();
    }

    static Object sub(Object a, Object b) {
        Number x = operand(a, b, "-");
        Number y = operand(b, a, "-", a);
        if (x instanceof Long l && y instanceof Long r) {
            long diff = l - r;
            if (((l ^ r) & (l ^ diff)) < 0) {
                return (double) l - (double) r;
            }
            return diff;
        }
        return x.doubleValue() - y.doubleValue();
    }

    static Object mul(Object a, Object b) {
        Number x = operand(a, b, "*");
        Number y = operand(b, a, "*", a);
        if (x instanceof Long l && y instanceof Long r) {
            long hi = Math.multiplyHigh(l, r);
            long lo = l * r;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
            return (double) l * (double) r;
        }
        return x.doubleValue() * y.doubleValue();
    }

    static Object div(Object a, Object b) {
        Number x = operand(a, b, "/");
        Number y = operand(b, a, "/", a);
        if (y.doubleValue() == 0) {
            throw new PhpError("Division by zero");
        }
        if (x instanceof Long l && y instanceof Long r) {
            if (r == -1 && l == Long.MIN_VALUE) {
                return (double) l / -1.0;
            }
            if (l % r == 0) {
                return l / r;
            }
            return (double) l / (double) r;
        }
        return x.doubleValue() / y.doubleValue();
    }

    static Object mod(Object a, Object b) {
        long x = toInt(operand(a, b, "%"));
        long y = toInt(operand(b, a, "%", a));
        if (y == 0) {
            throw new PhpError("Modulo by zero");
        }
        if (y == -1) {
            return 0L;
        }
        return x % y;
    }

    static Object pow(Object a, Object b) {
        Number x = operand(a, b, "**");
        Number y = operand(b, a, "**", a);
        if (x instanceof Long base && y instanceof Long exponent && exponent >= 0) {
            Long exact = exactPow(base, exponent);
            if (exact != null) {
                return exact;
            }
        }
        return Math.pow(x.doubleValue(), y.doubleValue());
    }

    /** base^exponent when it fits in a long, else null. */
    private static Long exactPow(long base, long exponent) {
        long result = 1;
        long factor = base;
        long e = exponent;
        try {
            while (e > 0) {
                if ((e & 1) == 1) {
                    result = Math.multiplyExact(result, factor);
                }
                e >>= 1;
                if (e > 0) {
                    factor = Math.multiplyExact(factor, factor);
                }
            }
            return result;
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    static Number operand(Object value, Object other, String operator) {
        return operand(value, other, operator, null);
    }

    /**
     * The number for one operand. {@code other} is the other operand; {@code left} is non-null when {@code value} is
     * the right-hand one (for the order of types in the TypeError message).
     */
    static Number operand(Object value, Object other, String operator, Object left) {
        Object v = Php.normalize(value);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v == null) {
            return 0L;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof String s) {
            NumericString parsed = NumericString.parse(s);
            if (parsed != null) {
                if (!parsed.whole()) {
                    throw new PhpError("A non-numeric value encountered");
                }
                return parsed.value();
            }
        }
        Object l = left == null ? value : left;
        Object r = left == null ? other : value;
        throw new PhpError("Unsupported operand types: " + Php.typeName(l) + " " + operator + " " + Php.typeName(r));
    }

    private static long toInt(Number n) {
        return n instanceof Long l ? l : Php.doubleToLong(n.doubleValue());
    }
}

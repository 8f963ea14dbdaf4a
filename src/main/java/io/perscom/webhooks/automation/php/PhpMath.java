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
        Number x = leftOperand(a, b, "+");
        Number y = rightOperand(b, a, "+");
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
        Number x = leftOperand(a, b, "-");
        Number y = rightOperand(b, a, "-");
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
        Number x = leftOperand(a, b, "*");
        Number y = rightOperand(b, a, "*");
        if (x instanceof Long l && y instanceof Long r) {
            long hi = Math.multiplyHigh(l, r);
            long lo = l * r;
            if (fits(hi, lo)) {
                return lo;
            }
            return (double) l * (double) r;
        }
        return x.doubleValue() * y.doubleValue();
    }

    static Object div(Object a, Object b) {
        Number x = leftOperand(a, b, "/");
        Number y = rightOperand(b, a, "/");
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
        long x = toInt(leftOperand(a, b, "%"));
        long y = toInt(rightOperand(b, a, "%"));
        if (y == 0) {
            throw new PhpError("Modulo by zero");
        }
        if (y == -1) {
            return 0L;
        }
        return x % y;
    }

    static Object pow(Object a, Object b) {
        Number x = leftOperand(a, b, "**");
        Number y = rightOperand(b, a, "**");
        if (x instanceof Long base && y instanceof Long exponent) {
            return exponent >= 0 ? intPow(base, exponent) : (Object) Math.pow(base, exponent);
        }
        return Math.pow(x.doubleValue(), y.doubleValue());
    }

    /** pow_function_base for int ** non-negative int: square-and-multiply, falling back to float on overflow. */
    private static Object intPow(long base, long exponent) {
        if (exponent == 0) {
            return 1L;
        }
        if (base == 0) {
            return 0L;
        }
        long l1 = 1;
        long l2 = base;
        long i = exponent;
        while (i >= 1) {
            if (i % 2 != 0) {
                --i;
                long hi = Math.multiplyHigh(l1, l2);
                long lo = l1 * l2;
                if (!fits(hi, lo)) {
                    return (double) l1 * (double) l2 * Math.pow(l2, i);
                }
                l1 = lo;
            } else {
                i /= 2;
                long hi = Math.multiplyHigh(l2, l2);
                long lo = l2 * l2;
                if (!fits(hi, lo)) {
                    return (double) l1 * Math.pow((double) l2 * (double) l2, i);
                }
                l2 = lo;
            }
        }
        return l1;
    }

    private static boolean fits(long hi, long lo) {
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0);
    }

    /** The number for the left operand ({@code other} is the right one, for the TypeError message). */
    static Number leftOperand(Object value, Object right, String operator) {
        return operand(value, right, operator, true);
    }

    /** The number for the right operand ({@code left} is the left one, for the TypeError message). */
    static Number rightOperand(Object value, Object left, String operator) {
        return operand(value, left, operator, false);
    }

    private static Number operand(Object value, Object other, String operator, boolean isLeft) {
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
        Object l = isLeft ? value : other;
        Object r = isLeft ? other : value;
        throw new PhpError("Unsupported operand types: " + Php.typeName(l) + " " + operator + " " + Php.typeName(r));
    }

    private static long toInt(Number n) {
        return n instanceof Long l ? l : Php.doubleToLong(n.doubleValue());
    }
}

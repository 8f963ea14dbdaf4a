package io.perscom.webhooks.automation.php;

/**
 * PHP 8.2 value semantics over the Java value model: null, Boolean, Long, Double, String, {@link PhpArray},
 * {@link PhpDate}. Smaller boxed integers (Integer, Short, Byte) and Float are accepted as input and treated as int /
 * float.
 *
 * <p>PHP warnings (e.g. "A non-numeric value encountered", "Array to string conversion") raise {@link PhpError}, as
 * they do in PERSCOM: Laravel turns every warning into an ErrorException. Deprecations are ignored, as Laravel only
 * logs them.
 */
public final class Php {

    private Php() {
    }

    /** Normalises Integer/Short/Byte to Long and Float to Double; other values pass unchanged. */
    public static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** {@code (bool) $value}. */
    public static boolean toBool(Object value) {
        value = normalize(value);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof Double d) {
            return d != 0.0;
        }
        if (value instanceof String s) {
            return !s.isEmpty() && !s.equals("0");
        }
        if (value instanceof PhpArray a) {
            return !a.isEmpty();
        }
        return true;
    }

    /**
     * {@code (string) $value}; floats with precision 14 like {@code echo} (0.1+0.2 -> "0.3", 1e20 -> "1.0E+20").
     *
     * @throws PhpError "Array to string conversion" for arrays (a warning PERSCOM turns into an exception), and
     *                  "Object of class X could not be converted to string" for objects without __toString
     */
    public static String toStr(Object value) {
        value = normalize(value);
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "";
        }
        if (value instanceof Long l) {
            return l.toString();
        }
        if (value instanceof Double d) {
            return FloatFormat.echo(d);
        }
        if (value instanceof PhpArray) {
            throw new PhpError("Array to string conversion");
        }
        if (value instanceof PhpDate date) {
            return date.toString();
        }
        throw new PhpError("Object of class " + typeName(value) + " could not be converted to string");
    }

    /** The float as PHP's {@code var_export}/{@code serialize_precision=-1} writes it (shortest round trip). */
    public static String floatRepr(double d) {
        return FloatFormat.repr(d);
    }

    /**
     * The value as a number for arithmetic (like unary plus): null/false -> 0, true -> 1, numeric strings -> their
     * number, leading-numeric strings -> their prefix with the warning "A non-numeric value encountered" (so a
     * PhpError), non-numeric strings and arrays -> TypeError "Unsupported operand types: string * int".
     *
     * @return Long or Double
     */
    public static Number toNumber(Object value) {
        return PhpMath.leftOperand(value, 1L, "*");
    }

    /**
     * {@code (int) $value} / intval(): floats are truncated (modular out of range, like PHP on 64 bit).
     *
     * @throws PhpError for a date: "Object of class Carbon\Carbon could not be converted to int" (a PHP warning)
     */
    public static long toLong(Object value) {
        value = normalize(value);
        if (value == null) {
            return 0;
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Double d) {
            return doubleToLong(d);
        }
        if (value instanceof String s) {
            NumericString parsed = NumericString.parse(s);
            if (parsed == null) {
                return 0;
            }
            if (parsed.value() instanceof Long l) {
                return l;
            }
            double d = parsed.value().doubleValue();
            if (Double.isNaN(d)) {
                return 0;
            }
            // strings saturate instead of wrapping
            return d >= 0x1p63 ? Long.MAX_VALUE : d <= -0x1p63 ? Long.MIN_VALUE : (long) d;
        }
        if (value instanceof PhpArray a) {
            return a.isEmpty() ? 0 : 1;
        }
        throw new PhpError("Object of class " + typeName(value) + " could not be converted to int");
    }

    /** {@code (float) $value} / floatval(). */
    public static double toDouble(Object value) {
        value = normalize(value);
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String s) {
            NumericString parsed = NumericString.parse(s);
            return parsed == null ? 0.0 : parsed.doubleValue();
        }
        if (value instanceof PhpDate) {
            throw new PhpError("Object of class " + typeName(value) + " could not be converted to float");
        }
        return toLong(value);
    }

    /** PHP's float to int conversion (zend_dval_to_lval): NaN and infinities give 0, out of range wraps modulo 2^64. */
    public static long doubleToLong(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        if (d >= -0x1p63 && d < 0x1p63) {
            return (long) d;
        }
        double two64 = 0x1p64;
        double dmod = d % two64;
        if (dmod < 0) {
            dmod += two64;
        }
        if (dmod >= 0x1p63) {
            dmod -= two64;
        }
        return (long) dmod;
    }

    /** is_numeric(): ints, floats and numeric strings (leading/trailing whitespace allowed). */
    public static boolean isNumeric(Object value) {
        value = normalize(value);
        if (value instanceof Long || value instanceof Double) {
            return true;
        }
        return value instanceof String s && NumericString.isNumeric(s);
    }

    /** The number a fully numeric string stands for (Long or Double), or null when it is not numeric. */
    public static Number parseNumeric(String s) {
        NumericString parsed = NumericString.parse(s);
        return parsed != null && parsed.whole() ? parsed.value() : null;
    }

    /** PHP 8 {@code ==}. */
    public static boolean looseEquals(Object a, Object b) {
        return PhpCompare.looseEquals(normalize(a), normalize(b));
    }

    /** PHP {@code ===}. */
    public static boolean strictEquals(Object a, Object b) {
        return PhpCompare.strictEquals(normalize(a), normalize(b));
    }

    /** PHP 8 {@code <=>}: -1, 0 or 1. */
    public static int compare(Object a, Object b) {
        return PhpCompare.compare(normalize(a), normalize(b));
    }

    /** PHP {@code $a < $b} (NaN never compares smaller; {@code $a > $b} is {@code isSmaller($b, $a)}). */
    public static boolean isSmaller(Object a, Object b) {
        return compare(a, b) < 0;
    }

    /** PHP {@code $a <= $b} ({@code $a >= $b} is {@code isSmallerOrEqual($b, $a)}). */
    public static boolean isSmallerOrEqual(Object a, Object b) {
        return compare(a, b) <= 0;
    }

    public static Object add(Object a, Object b) {
        return PhpMath.add(a, b);
    }

    public static Object sub(Object a, Object b) {
        return PhpMath.sub(a, b);
    }

    public static Object mul(Object a, Object b) {
        return PhpMath.mul(a, b);
    }

    /** {@code /}: DivisionByZeroError "Division by zero"; int result when exact. */
    public static Object div(Object a, Object b) {
        return PhpMath.div(a, b);
    }

    /** {@code %} on ints: DivisionByZeroError "Modulo by zero". */
    public static Object mod(Object a, Object b) {
        return PhpMath.mod(a, b);
    }

    /** {@code **}. */
    public static Object pow(Object a, Object b) {
        return PhpMath.pow(a, b);
    }

    /** Unary minus (PHP multiplies by -1). */
    public static Object neg(Object a) {
        return PhpMath.mul(a, -1L);
    }

    /** Unary plus (PHP multiplies by 1). */
    public static Object plus(Object a) {
        return PhpMath.mul(a, 1L);
    }

    /** {@code $a . $b}, checking the result length against the budget before building it. */
    public static String concat(Object a, Object b, Budget budget) {
        String left = toStr(a);
        String right = toStr(b);
        budget.checkString((long) left.length() + right.length());
        return left.concat(right);
    }

    /** get_debug_type(): "null", "bool", "int", "float", "string", "array", or the class name (Carbon\Carbon). */
    public static String typeName(Object value) {
        value = normalize(value);
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof PhpArray) {
            return "array";
        }
        if (value instanceof PhpDate) {
            return PhpDate.CLASS_NAME;
        }
        return value.getClass().getSimpleName();
    }
}

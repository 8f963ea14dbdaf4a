package io.perscom.webhooks.automation.php;

import java.util.Iterator;
import java.util.Map;

/** PHP 8 comparison (zend_compare) and equality; inputs are already {@link Php#normalize normalised}. */
final class PhpCompare {

    private PhpCompare() {
    }

    static boolean looseEquals(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return stringsEqual(x, y);
        }
        return compare(a, b) == 0;
    }

    static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof PhpArray x && b instanceof PhpArray y) {
            return arraysIdentical(x, y);
        }
        if (a instanceof Long || a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return a == b;
    }

    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers((Number) a, (Number) b);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareStrings(x, y);
        }
        if (a instanceof PhpArray x && b instanceof PhpArray y) {
            return compareArrays(x, y);
        }
        if (a == null && b == null) {
            return 0;
        }
        if (a == null && b instanceof String y) {
            return y.isEmpty() ? 0 : -1;
        }
        if (a instanceof String x && b == null) {
            return x.isEmpty() ? 0 : 1;
        }
        if (a instanceof PhpDate x && b instanceof PhpDate y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a == null || Boolean.FALSE.equals(a)) {
            return Php.toBool(b) ? -1 : 0;
        }
        if (b == null || Boolean.FALSE.equals(b)) {
            return Php.toBool(a) ? 1 : 0;
        }
        if (Boolean.TRUE.equals(a)) {
            return Php.toBool(b) ? 0 : 1;
        }
        if (Boolean.TRUE.equals(b)) {
            return Php.toBool(a) ? 0 : -1;
        }
        if (isNumber(a) && b instanceof String y) {
            return compareNumberToString((Number) a, y);
        }
        if (a instanceof String x && isNumber(b)) {
            return b instanceof Double d && d.isNaN() ? 1 : -compareNumberToString((Number) b, x);
        }
        if (a instanceof PhpDate && b instanceof PhpArray) {
            return 1; // an object is greater than an array
        }
        if (a instanceof PhpArray && b instanceof PhpDate) {
            return -1;
        }
        if (a instanceof PhpArray) {
            return 1;
        }
        if (b instanceof PhpArray) {
            return -1;
        }
        if (a instanceof PhpDate x && b instanceof String y) {
            return compareStrings(x.toString(), y);
        }
        if (a instanceof String x && b instanceof PhpDate y) {
            return compareStrings(x, y.toString());
        }
        if (a instanceof PhpDate && isNumber(b)) {
            throw notNumeric(b);
        }
        if (b instanceof PhpDate && isNumber(a)) {
            throw notNumeric(a);
        }
        throw new PhpError("Cannot compare " + Php.typeName(a) + " with " + Php.typeName(b));
    }

    /** The warning PHP gives comparing a date with a number (an exception in PERSCOM). */
    private static PhpError notNumeric(Object number) {
        return new PhpError("Object of class " + PhpDate.CLASS_NAME + " could not be converted to "
                + (number instanceof Long ? "int" : "float"));
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return threeWay(a.doubleValue(), b.doubleValue());
    }

    /** ZEND_THREEWAY_COMPARE: NaN compares as "greater" (1), never equal. */
    private static int threeWay(double a, double b) {
        return a == b ? 0 : a < b ? -1 : 1;
    }

    private static int compareNumberToString(Number number, String string) {
        if (number instanceof Double d && d.isNaN()) {
            return 1;
        }
        Number parsed = Php.parseNumeric(string);
        if (parsed != null) {
            return compareNumbers(number, parsed);
        }
        return compareStrings(Php.toStr(number), string, false);
    }

    private static boolean stringsEqual(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Number x = Php.parseNumeric(a);
        Number y = x == null ? null : Php.parseNumeric(b);
        return y != null && compareNumbers(x, y) == 0;
    }

    static int compareStrings(String a, String b) {
        return compareStrings(a, b, true);
    }

    private static int compareStrings(String a, String b, boolean numericAware) {
        if (numericAware) {
            Number x = Php.parseNumeric(a);
            Number y = x == null ? null : Php.parseNumeric(b);
            if (y != null) {
                return compareNumbers(x, y);
            }
        }
        return Integer.signum(byteCompare(a, b));
    }

    /** strcmp over the UTF-8 bytes, which orders like code points (not like UTF-16 units). */
    static int byteCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int compareArrays(PhpArray a, PhpArray b) {
        if (a.size() != b.size()) {
            return a.size() < b.size() ? -1 : 1;
        }
        for (Map.Entry<Object, Object> entry : a.entries()) {
            if (!b.containsKey(entry.getKey())) {
                return 1;
            }
            int c = compare(Php.normalize(entry.getValue()), Php.normalize(b.get(entry.getKey())));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean arraysIdentical(PhpArray a, PhpArray b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<Object, Object>> left = a.entries().iterator();
        Iterator<Map.Entry<Object, Object>> right = b.entries().iterator();
        while (left.hasNext()) {
            Map.Entry<Object, Object> x = left.next();
            Map.Entry<Object, Object> y = right.next();
            if (!x.getKey().equals(y.getKey())
                    || !strictEquals(Php.normalize(x.getValue()), Php.normalize(y.getValue()))) {
                return false;
            }
        }
        return true;
    }
}

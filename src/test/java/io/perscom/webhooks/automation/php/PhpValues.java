package io.perscom.webhooks.automation.php;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** The typed value encoding of tools/parity/php-runtime-cases.php, and strict (type + value) equality over it. */
final class PhpValues {

    private PhpValues() {
    }

    static Object decode(JsonNode typed) {
        String tag = typed.get(0).asText();
        return switch (tag) {
            case "n" -> null;
            case "b" -> typed.get(1).asBoolean();
            case "i" -> Long.parseLong(typed.get(1).asText());
            case "f" -> switch (typed.get(1).asText()) {
                case "INF" -> Double.POSITIVE_INFINITY;
                case "-INF" -> Double.NEGATIVE_INFINITY;
                case "NAN" -> Double.NaN;
                default -> Double.parseDouble(typed.get(1).asText());
            };
            case "s" -> typed.get(1).asText();
            case "a" -> {
                PhpArray array = new PhpArray();
                for (JsonNode pair : typed.get(1)) {
                    array.put(decode(pair.get(0)), decode(pair.get(1)));
                }
                yield array;
            }
            default -> throw new IllegalArgumentException(typed.toString());
        };
    }

    /** Same PHP type and value; floats by bits (so -0.0 differs from 0.0 and NaN equals NaN); arrays in order. */
    static boolean same(Object expected, Object actual) {
        expected = Php.normalize(expected);
        actual = Php.normalize(actual);
        if (expected instanceof Double e && actual instanceof Double a) {
            return e.equals(a);
        }
        if (expected instanceof PhpArray e && actual instanceof PhpArray a) {
            if (e.size() != a.size()) {
                return false;
            }
            Iterator<Map.Entry<Object, Object>> left = e.entries().iterator();
            Iterator<Map.Entry<Object, Object>> right = a.entries().iterator();
            while (left.hasNext()) {
                Map.Entry<Object, Object> x = left.next();
                Map.Entry<Object, Object> y = right.next();
                if (!x.getKey().equals(y.getKey()) || !same(x.getValue(), y.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    static String show(Object value) {
        value = Php.normalize(value);
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\n", "\\n") + '"';
        }
        if (value instanceof Double d) {
            return "float(" + d + ")";
        }
        if (value instanceof Long l) {
            return "int(" + l + ")";
        }
        if (value instanceof PhpArray array) {
            StringBuilder out = new StringBuilder("[");
            for (Map.Entry<Object, Object> entry : array.entries()) {
                out.append(show(entry.getKey())).append("=>").append(show(entry.getValue())).append(", ");
            }
            return out.append(']').toString();
        }
        return value.toString();
    }
}

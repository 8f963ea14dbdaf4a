package io.perscom.webhooks.payload;

/**
 * A number JSON cannot carry: NaN or an infinity (what {@code 1e400} becomes once parsed as a double). Thrown instead
 * of writing {@code Infinity}, which no receiver could parse. {@link #path()} is the JSON path of the number.
 */
public class NonFiniteNumberException extends IllegalArgumentException {

    private final String path;

    public NonFiniteNumberException(String path) {
        super("The number at " + (path.isEmpty() ? "the top level" : path) + " is out of range for JSON", null);
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The path of the first number in the tree that JSON cannot carry, or null when there is none. */
    public static String firstIn(com.fasterxml.jackson.databind.JsonNode node) {
        return find(node, "");
    }

    private static String find(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isNumber()) {
            return node.isIntegralNumber() || Double.isFinite(node.doubleValue()) ? null : path;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                String found = find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

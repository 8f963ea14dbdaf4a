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
        return JsonPaths.first(node, value -> value.isNumber() && !value.isIntegralNumber()
                && !Double.isFinite(value.doubleValue()), name -> false);
    }
}

package io.perscom.webhooks.payload;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds the first place in a JSON tree that fails a check, named by its path ({@code data.a[1].b}). */
public final class JsonPaths {

    private JsonPaths() {
    }

    /**
     * The path of the first value in document order for which {@code badValue} holds, or of the first object whose
     * field name {@code badName} holds (then the path ends with that name); null when there is none.
     */
    public static String first(JsonNode node, Predicate<JsonNode> badValue, Predicate<String> badName) {
        return find(node, "", badValue, badName);
    }

    private static String find(JsonNode node, String path, Predicate<JsonNode> badValue, Predicate<String> badName) {
        if (badValue.test(node)) {
            return path;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String found = badName.test(field.getKey()) ? child
                        : find(field.getValue(), child, badValue, badName);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]", badValue, badName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

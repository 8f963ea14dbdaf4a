package io.perscom.webhooks.automation.php;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** PHP's json_decode($x, true) and json_encode over the PHP value model. */
public final class Json {

    public static final int HEX_TAG = 1;
    public static final int HEX_AMP = 2;
    public static final int HEX_APOS = 4;
    public static final int HEX_QUOT = 8;
    public static final int FORCE_OBJECT = 16;
    public static final int NUMERIC_CHECK = 32;
    public static final int UNESCAPED_SLASHES = 64;
    public static final int PRETTY_PRINT = 128;
    public static final int UNESCAPED_UNICODE = 256;
    public static final int PARTIAL_OUTPUT_ON_ERROR = 512;
    public static final int PRESERVE_ZERO_FRACTION = 1024;
    public static final int UNESCAPED_LINE_TERMINATORS = 2048;
    public static final int INVALID_UTF8_IGNORE = 1_048_576;
    public static final int INVALID_UTF8_SUBSTITUTE = 2_097_152;
    public static final int THROW_ON_ERROR = 4_194_304;

    /** json_encode's default depth. */
    public static final int DEFAULT_DEPTH = 512;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /**
     * The PHP value json_decode($json, true) gives: objects and lists both become {@link PhpArray} (object keys
     * normalised like PHP keys), integers beyond 64 bits become floats, numbers keep the int / float distinction.
     */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        PhpArray array = new PhpArray();
        if (node.isArray()) {
            for (JsonNode element : node) {
                array.append(fromJson(element));
            }
        } else {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                array.put(field.getKey(), fromJson(field.getValue()));
            }
        }
        return array;
    }

    /**
     * json_encode($value, $flags) exactly as PHP writes it.
     *
     * @throws PhpError with json_last_error_msg() text ("Inf and NaN cannot be JSON encoded", "Malformed UTF-8
     *                  characters, possibly incorrectly encoded", "Maximum stack depth exceeded") where PHP's
     *                  json_encode returns false
     */
    public static String encode(Object value, int flags) {
        return new JsonEncoder(flags, DEFAULT_DEPTH, null).encode(value);
    }

    /** As {@link #encode(Object, int)}, stopping at the budget's string limit before the output grows past it. */
    public static String encode(Object value, int flags, Budget budget) {
        return new JsonEncoder(flags, DEFAULT_DEPTH, budget).encode(value);
    }

    /** json_encode with an explicit depth (its third argument). */
    public static String encode(Object value, int flags, int depth, Budget budget) {
        return new JsonEncoder(flags, depth, budget).encode(value);
    }

    /**
     * The value as a JSON tree for typed output: a list PhpArray (or an empty one) becomes an array, any other
     * PhpArray an object, a PhpDate its Carbon JSON string ("2024-01-02T03:04:05.000000Z").
     *
     * @throws PhpError "Inf and NaN cannot be JSON encoded" for non-finite floats (never emit Infinity/NaN)
     */
    public static JsonNode toJsonNode(Object value) {
        value = Php.normalize(value);
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new PhpError("Inf and NaN cannot be JSON encoded");
            }
            return NODES.numberNode(d);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof PhpDate date) {
            return NODES.textNode(date.toJson());
        }
        if (value instanceof PhpArray array) {
            if (array.isList()) {
                ArrayNode list = NODES.arrayNode(array.size());
                for (Object element : array.values()) {
                    list.add(toJsonNode(element));
                }
                return list;
            }
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<Object, Object> entry : array.entries()) {
                object.set(entry.getKey().toString(), toJsonNode(entry.getValue()));
            }
            return object;
        }
        throw new PhpError("Type is not supported");
    }
}

package io.perscom.webhooks.payload;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The query string of a GET webhook, as PHP's {@code http_build_query($payload, '', '&', PHP_QUERY_RFC3986)} writes
 * it: nested keys as {@code data[name]} (brackets percent-encoded), lists as {@code data[tags][0]}, null values
 * dropped, booleans as 1/0, everything else percent-encoded per RFC 3986.
 */
public final class PhpQueryString {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PhpQueryString() {
    }

    public static String encode(JsonNode payload) {
        StringBuilder out = new StringBuilder(256);
        if (payload.isArray()) {
            for (int i = 0; i < payload.size(); i++) {
                append(Integer.toString(i), payload.get(i), out);
            }
            return out.toString();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            append(field.getKey(), field.getValue(), out);
        }
        return out.toString();
    }

    private static void append(String key, JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                append(key + "[" + field.getKey() + "]", field.getValue(), out);
            }
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                append(key + "[" + i + "]", value.get(i), out);
            }
            return;
        }
        String text;
        if (value.isBoolean()) {
            text = value.booleanValue() ? "1" : "0";
        } else if (value.isNumber()) {
            if (!value.isIntegralNumber() && !Double.isFinite(value.doubleValue())) {
                throw new NonFiniteNumberException(key);
            }
            text = value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : PhpFloatFormat.string(value.doubleValue());
        } else {
            text = value.asText();
        }
        if (!out.isEmpty()) {
            out.append('&');
        }
        rawUrlEncode(key, out);
        out.append('=');
        rawUrlEncode(text, out);
    }

    /** PHP's {@code rawurlencode}: everything but {@code A-Z a-z 0-9 - _ . ~} is percent-encoded as UTF-8. */
    private static void rawUrlEncode(String value, StringBuilder out) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}

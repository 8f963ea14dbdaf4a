package io.perscom.webhooks.payload;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes JSON exactly as PHP's {@code json_encode} does with its default flags, which is what PERSCOM sends and
 * signs today: no spaces, {@code /} escaped as {@code \/}, every non-ASCII character as a lowercase {@code \u005Cuxxxx}
 * escape (UTF-16 units; DEL stays raw like any ASCII), floats in PHP's shortest form without {@code .0}. Receivers that re-encode a payload to check a signature (the
 * GET form) therefore compute the same bytes.
 */
public final class PhpJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PhpJson() {
    }

    /** @throws NonFiniteNumberException for NaN or an infinity: nothing that is not JSON is ever signed or sent */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        try {
            write(node, out);
        } catch (NonFiniteNumberException e) {
            throw new NonFiniteNumberException(NonFiniteNumberException.firstIn(node));
        }
        return out.toString();
    }

    static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                boolean first = true;
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(field.getKey(), out);
                    out.append(':');
                    write(field.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            default -> out.append("null");
        }
    }

    /** A number as PHP's json_encode prints it (integers exactly, floats per {@link PhpFloatFormat#json}). */
    static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new NonFiniteNumberException("");
        }
        return PhpFloatFormat.json(value);
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

package io.perscom.webhooks.automation.php;

import java.util.Map;

/** One json_encode run (php_json_encode_zval). */
final class JsonEncoder {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int flags;
    private final int maxDepth;
    private final Budget budget;
    private final StringBuilder out = new StringBuilder();
    private int depth;

    JsonEncoder(int flags, int maxDepth, Budget budget) {
        this.flags = flags;
        this.maxDepth = maxDepth;
        this.budget = budget;
    }

    String encode(Object value) {
        write(value);
        return out.toString();
    }

    private boolean has(int flag) {
        return (flags & flag) != 0;
    }

    private void write(Object value) {
        value = Php.normalize(value);
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Long l) {
            out.append(l);
        } else if (value instanceof Double d) {
            writeDouble(d);
        } else if (value instanceof String s) {
            writeString(s);
        } else if (value instanceof PhpArray array) {
            writeArray(array);
        } else if (value instanceof PhpDate date) {
            writeString(date.toJson());
        } else {
            throw new PhpError("Type is not supported");
        }
        if (budget != null) {
            budget.checkString(out.length());
        }
    }

    private void writeDouble(double d) {
        if (!Double.isFinite(d)) {
            if (has(Json.PARTIAL_OUTPUT_ON_ERROR)) {
                out.append('0');
                return;
            }
            throw new PhpError("Inf and NaN cannot be JSON encoded");
        }
        String text = FloatFormat.json(d);
        out.append(text);
        if (has(Json.PRESERVE_ZERO_FRACTION) && text.indexOf('.') < 0 && text.indexOf('e') < 0) {
            out.append(".0");
        }
    }

    private void writeString(String s) {
        if (has(Json.NUMERIC_CHECK)) {
            Number number = Php.parseNumeric(s);
            if (number != null) {
                write(number);
                return;
            }
        }
        if (budget != null) {
            // worst case: every char becomes a six-char escape
            budget.checkString(out.length() + 2L + s.length());
        }
        int start = out.length();
        try {
            appendEscaped(s);
        } catch (MalformedString malformed) {
            if (!has(Json.PARTIAL_OUTPUT_ON_ERROR)) {
                throw new PhpError("Malformed UTF-8 characters, possibly incorrectly encoded");
            }
            out.setLength(start);
            out.append("null");
        }
    }

    /** A lone surrogate: the Java form of a string that is not valid UTF-8. */
    private static final class MalformedString extends RuntimeException {
        MalformedString() {
            super(null, null, false, false);
        }
    }

    private void appendEscaped(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append(has(Json.HEX_QUOT) ? "\\u0022" : "\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append(has(Json.UNESCAPED_SLASHES) ? "/" : "\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append(has(Json.HEX_TAG) ? "\\u003C" : "<");
                case '>' -> out.append(has(Json.HEX_TAG) ? "\\u003E" : ">");
                case '&' -> out.append(has(Json.HEX_AMP) ? "\\u0026" : "&");
                case '\'' -> out.append(has(Json.HEX_APOS) ? "\\u0027" : "'");
                default -> writeOther(s, i, c);
            }
        }
        out.append('"');
    }

    private void writeOther(String s, int i, char c) {
        if (Character.isSurrogate(c)) {
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!paired) {
                if (has(Json.INVALID_UTF8_IGNORE)) {
                    return;
                }
                if (has(Json.INVALID_UTF8_SUBSTITUTE)) {
                    c = '\uFFFD';
                } else {
                    throw new MalformedString();
                }
            }
        }
        boolean lineTerminator = c == '\u2028' || c == '\u2029';
        if (c < 0x20 || (c >= 0x80 && (!has(Json.UNESCAPED_UNICODE)
                || (lineTerminator && !has(Json.UNESCAPED_LINE_TERMINATORS))))) {
            out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                    .append(HEX[c & 0xF]);
        } else {
            out.append(c);
        }
    }

    private void writeArray(PhpArray array) {
        boolean asList = !has(Json.FORCE_OBJECT) && array.isList();
        if (++depth > maxDepth) {
            throw new PhpError("Maximum stack depth exceeded");
        }
        if (budget != null) {
            budget.enter();
        }
        try {
            out.append(asList ? '[' : '{');
            boolean first = true;
            for (Map.Entry<Object, Object> entry : array.entries()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline();
                if (!asList) {
                    writeKey(entry.getKey());
                    out.append(has(Json.PRETTY_PRINT) ? ": " : ":");
                }
                write(entry.getValue());
            }
            depth--;
            if (!first) {
                newline();
            }
            out.append(asList ? ']' : '}');
        } finally {
            if (budget != null) {
                budget.exit();
            }
        }
    }

    private void writeKey(Object key) {
        int savedFlags = flags;
        if (key instanceof Long l) {
            out.append('"').append(l).append('"');
        } else {
            // keys are never numeric-checked
            new JsonEncoder(savedFlags & ~Json.NUMERIC_CHECK, maxDepth, budget).writeStringTo(out, (String) key);
        }
    }

    private void writeStringTo(StringBuilder target, String s) {
        writeString(s);
        target.append(out);
    }

    private void newline() {
        if (has(Json.PRETTY_PRINT)) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("    ");
            }
        }
    }
}

package io.perscom.webhooks.automation.php;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Twig 3.5's non-html escaping strategies (js, css, html_attr, url) and http_build_query. */
final class Escapers {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Escapers() {
    }

    static String js(String s, Budget budget) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isAsciiAlnum(cp) || cp == ',' || cp == '.' || cp == '_') {
                out.appendCodePoint(cp);
                continue;
            }
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case 0x08 -> out.append("\\b");
                case 0x0C -> out.append("\\f");
                case 0x0A -> out.append("\\n");
                case 0x0D -> out.append("\\r");
                case 0x09 -> out.append("\\t");
                default -> {
                    checkUtf8(cp);
                    if (cp < 0x10000) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", cp));
                    } else {
                        out.append(String.format(Locale.ROOT, "\\u%04X\\u%04X", (int) Character.highSurrogate(cp),
                                (int) Character.lowSurrogate(cp)));
                    }
                }
            }
            budget.checkString(out.length());
        }
        return out.toString();
    }

    static String css(String s, Budget budget) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isAsciiAlnum(cp)) {
                out.appendCodePoint(cp);
            } else {
                checkUtf8(cp);
                out.append('\\').append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append(' ');
                budget.checkString(out.length());
            }
        }
        return out.toString();
    }

    static String htmlAttr(String s, Budget budget) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isAsciiAlnum(cp) || cp == ',' || cp == '.' || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
                continue;
            }
            checkUtf8(cp);
            if ((cp <= 0x1f && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f) {
                out.append("&#xFFFD;");
            } else if (cp < 0x80) {
                switch (cp) {
                    case '"' -> out.append("&quot;");
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> out.append(String.format(Locale.ROOT, "&#x%02X;", cp));
                }
            } else {
                out.append(String.format(Locale.ROOT, "&#x%04X;", cp));
            }
            budget.checkString(out.length());
        }
        return out.toString();
    }

    /** rawurlencode: RFC 3986 unreserved characters kept, every other UTF-8 byte as %XX. */
    static String rawUrlEncode(String s, Budget budget) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        budget.checkString(bytes.length * 3L);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isAsciiAlnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** http_build_query($data, '', '&', PHP_QUERY_RFC3986). */
    static String httpBuildQuery(PhpArray data, Budget budget) {
        StringBuilder out = new StringBuilder();
        buildQuery(out, data, null, budget);
        return out.toString();
    }

    private static void buildQuery(StringBuilder out, PhpArray data, String prefix, Budget budget) {
        for (Map.Entry<Object, Object> entry : data.entries()) {
            Object value = Php.normalize(entry.getValue());
            if (value == null) {
                continue;
            }
            String key = rawUrlEncode(Php.toStr(entry.getKey()), budget);
            String name = prefix == null ? key : prefix + "%5B" + key + "%5D";
            if (value instanceof PhpArray nested) {
                buildQuery(out, nested, name, budget);
                continue;
            }
            String text = value instanceof Boolean b ? (b ? "1" : "0") : Php.toStr(value);
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(name).append('=').append(rawUrlEncode(text, budget));
            budget.checkString(out.length());
        }
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void checkUtf8(int cp) {
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            throw new PhpError("The string to escape is not a valid UTF-8 string.");
        }
    }
}

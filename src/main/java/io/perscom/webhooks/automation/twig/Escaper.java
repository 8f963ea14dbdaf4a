package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpStrings;
import io.perscom.webhooks.automation.twig.Builtins.Safety;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The escape/e and raw filters and twig_escape_filter's strategies (html, js, css, html_attr, url). */
final class Escaper {
    private static final List<String> STRATEGIES = List.of("html", "js", "css", "html_attr", "url");

    private Escaper() {}

    static void register(Builtins b) {
        Builtins.Impl escape = (rt, value, args) -> {
            Object strategy = Builtins.arg(args, 0, "html");
            Object autoescape = Builtins.arg(args, 2, false);
            return escape(rt, value, strategy == null ? "html" : Values.str(strategy), Values.truthy(autoescape));
        };
        Builtins.Param[] params = {Builtins.p("strategy", "html"), Builtins.p("charset", null),
            Builtins.p("autoescape", false)};
        b.filter("escape", Safety.ESCAPE_STRATEGY, false, escape, params);
        b.filter("e", Safety.ESCAPE_STRATEGY, false, escape, params);
        b.filter("raw", Safety.ALL, false, (rt, value, args) -> value);
    }

    /** twig_escape_filter. Non-strings pass through unchanged (objects with __toString are converted). */
    static Object escape(Interpreter rt, Object value, String strategy, boolean autoescape) {
        if (autoescape && value instanceof Markup) {
            return value;
        }
        String s;
        if (value instanceof String str) {
            s = str;
        } else if (value instanceof Markup || value instanceof PhpDate) {
            s = Values.str(value);
        } else if (STRATEGIES.contains(strategy)) {
            return value;
        } else {
            s = null;
        }
        if ("".equals(s)) {
            return "";
        }
        String out = switch (strategy) {
            case "html" -> PhpStrings.htmlEscape(s, rt.budget());
            case "js" -> js(s);
            case "css" -> css(s);
            case "html_attr" -> htmlAttr(s);
            case "url" -> rawUrlEncode(s);
            default -> throw new PhpError("Invalid escaping strategy \"" + strategy
                    + "\" (valid ones: html, js, url, css, html_attr).");
        };
        rt.budget().checkString(out.length());
        return out;
    }

    private static String js(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        s.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ','
                    || cp == '.' || cp == '_') {
                out.appendCodePoint(cp);
                return;
            }
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x10000) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        int u = cp - 0x10000;
                        out.append(String.format("\\u%04X\\u%04X", 0xD800 | (u >> 10), 0xDC00 | (u & 0x3FF)));
                    }
                }
            }
        });
        return out.toString();
    }

    private static String css(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        s.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
                out.appendCodePoint(cp);
            } else {
                out.append('\\').append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(' ');
            }
        });
        return out.toString();
    }

    private static String htmlAttr(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        s.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ','
                    || cp == '.' || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
            } else if ((cp <= 0x1f && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp <= 0x9f)) {
                out.append("&#xFFFD;");
            } else if (cp < 0x80) {
                switch (cp) {
                    case '"' -> out.append("&quot;");
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> out.append(String.format("&#x%02X;", cp));
                }
            } else {
                out.append(String.format("&#x%04X;", cp));
            }
        });
        return out.toString();
    }

    /** PHP rawurlencode over the UTF-8 bytes (RFC 3986 unreserved characters stay). */
    static String rawUrlEncode(String s) {
        StringBuilder out = new StringBuilder(s.length() * 3);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}

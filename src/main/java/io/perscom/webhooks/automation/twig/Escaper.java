package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.php.PhpStrings;
import io.perscom.webhooks.automation.twig.Builtins.Safety;
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
            case "js" -> PhpStrings.escapeJs(s, rt.budget());
            case "css" -> PhpStrings.escapeCss(s, rt.budget());
            case "html_attr" -> PhpStrings.escapeHtmlAttr(s, rt.budget());
            case "url" -> PhpStrings.rawUrlEncode(s, rt.budget());
            default -> throw new PhpError("Invalid escaping strategy \"" + strategy
                    + "\" (valid ones: html, js, url, css, html_attr).");
        };
        return out;
    }
}

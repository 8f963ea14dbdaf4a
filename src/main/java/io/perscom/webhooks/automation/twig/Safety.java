package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.twig.Node.Conditional;
import io.perscom.webhooks.automation.twig.Node.Const;
import io.perscom.webhooks.automation.twig.Node.Expr;
import io.perscom.webhooks.automation.twig.Node.Filter;
import io.perscom.webhooks.automation.twig.Node.NullCoalesce;
import java.util.List;
import java.util.Set;

/**
 * Twig's SafeAnalysisNodeVisitor: which expressions need no escaping for a strategy. Constants are safe ("all"),
 * a ternary is as safe as both branches, a filter as its declaration says (raw: all; escape('x'): x; nl2br: html);
 * everything else (variables, concatenation, other filters and functions) is escaped.
 */
final class Safety {
    private static final Set<String> ALL = Set.of("all");

    private Safety() {}

    static boolean isSafe(Expr expr, String strategy) {
        Set<String> safe = safeFor(expr);
        return safe.contains("all") || safe.contains(strategy);
    }

    /** What is safe for html_attr is also safe for html (SafeAnalysisNodeVisitor::getSafe). */
    private static Set<String> safeFor(Expr expr) {
        Set<String> safe = declaredSafety(expr);
        if (safe.contains("html_attr") && !safe.contains("html")) {
            return Set.of("html_attr", "html");
        }
        return safe;
    }

    private static Set<String> declaredSafety(Expr expr) {
        return switch (expr) {
            case Const c -> ALL;
            case Conditional c -> intersect(safeFor(c.then()), safeFor(c.otherwise()));
            case NullCoalesce n -> intersect(safeFor(n.left()), safeFor(n.right()));
            case Filter f -> filterSafety(f);
            default -> Set.of();
        };
    }

    private static Set<String> filterSafety(Filter f) {
        return switch (f.name()) {
            case "raw" -> ALL;
            case "nl2br", "spaceless" -> Set.of("html");
            case "escape", "e" -> escapeSafety(f.args());
            default -> Set.of();
        };
    }

    /** twig_escape_filter_is_safe: the strategy when it is a constant, html when none is given. */
    private static Set<String> escapeSafety(List<Node.Arg> args) {
        if (args.isEmpty()) {
            return Set.of("html");
        }
        if (args.get(0).value() instanceof Const c) {
            Object v = c.value();
            return Set.of(v == null ? "" : Values.str(v));
        }
        return Set.of();
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a.contains("all")) {
            return b;
        }
        if (b.contains("all")) {
            return a;
        }
        return a.stream().filter(b::contains).collect(java.util.stream.Collectors.toSet());
    }
}

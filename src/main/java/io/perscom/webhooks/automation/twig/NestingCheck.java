package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.twig.Node.Arg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Rejects syntax trees deeper than the limit. The parser's own depth counter bounds its recursion, but loops in the
 * grammar (filter chains, left-associative operators) build deep trees without recursing; the interpreter recurses
 * over them, so their depth is checked here, without recursion.
 */
final class NestingCheck {
    private record Item(Node node, int depth) {}

    private NestingCheck() {}

    static void check(Node root, int maxDepth) throws TwigSyntaxError {
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(root, 1));
        while (!stack.isEmpty()) {
            Item item = stack.pop();
            if (item.depth > maxDepth) {
                throw Parser.tooDeep(item.node.line(), maxDepth);
            }
            for (Node child : children(item.node)) {
                if (child != null) {
                    stack.push(new Item(child, item.depth + 1));
                }
            }
        }
    }

    static List<Node> children(Node node) {
        List<Node> out = new ArrayList<>();
        switch (node) {
            case Node.Body b -> out.addAll(b.statements());
            case Node.Text t -> { }
            case Node.Print p -> out.add(p.expr());
            case Node.If i -> {
                out.addAll(i.conditions());
                out.addAll(i.bodies());
                out.add(i.elseBody());
            }
            case Node.For f -> {
                out.add(f.sequence());
                out.add(f.body());
                out.add(f.elseBody());
            }
            case Node.Set s -> {
                if (s.values() != null) {
                    out.addAll(s.values());
                }
                out.add(s.capture());
            }
            case Node.With w -> {
                out.add(w.variables());
                out.add(w.body());
            }
            case Node.Do d -> out.add(d.expr());
            case Node.Const c -> { }
            case Node.Name n -> { }
            case Node.ArrayLit a -> {
                out.addAll(a.keys());
                out.addAll(a.values());
            }
            case Node.Unary u -> out.add(u.operand());
            case Node.Binary b -> {
                out.add(b.left());
                out.add(b.right());
            }
            case Node.Conditional c -> {
                out.add(c.condition());
                out.add(c.then());
                out.add(c.otherwise());
            }
            case Node.NullCoalesce n -> {
                out.add(n.left());
                out.add(n.right());
            }
            case Node.Test t -> {
                out.add(t.operand());
                t.args().forEach(a -> out.add(a.value()));
            }
            case Node.GetAttr g -> {
                out.add(g.object());
                out.add(g.attribute());
                out.addAll(g.args());
            }
            case Node.Filter f -> {
                out.add(f.operand());
                for (Arg a : f.args()) {
                    out.add(a.value());
                }
            }
            case Node.Function f -> f.args().forEach(a -> out.add(a.value()));
            case Node.Arrow a -> out.add(a.body());
            case Node.Spread s -> out.add(s.operand());
        }
        return out;
    }
}

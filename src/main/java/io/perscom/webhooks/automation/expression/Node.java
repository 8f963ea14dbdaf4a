package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree, one record per Symfony node class. {@link #dump()} prints a node as Symfony's
 * {@code Node::dump()} does, for the runtime error messages that quote the expression ("Unable to get property ...
 * of non-object "model.x"").
 */
sealed interface Node {

    /** The direct children, for the depth check of the parser; none for a leaf. */
    default List<Node> children() {
        return List.of();
    }

    void dump(StringBuilder out);

    default String dump() {
        StringBuilder out = new StringBuilder();
        dump(out);
        return out.toString();
    }

    /** A literal: number, string, true, false, null (ConstantNode). */
    record Constant(Object value) implements Node {
        @Override
        public void dump(StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Boolean b) {
                out.append(b ? "true" : "false");
            } else if (value instanceof Long || value instanceof Double || Php.isNumeric(value)) {
                out.append(Php.toStr(value));
            } else {
                out.append('"');
                for (char c : value.toString().toCharArray()) {
                    switch (c) {
                        case '\0' -> out.append("\\000");
                        case '\t' -> out.append("\\t");
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        default -> out.append(c);
                    }
                }
                out.append('"');
            }
        }
    }

    /** A variable (NameNode). */
    record Name(String name) implements Node {
        @Override
        public void dump(StringBuilder out) {
            out.append(name);
        }
    }

    /** An unknown name right before {@code ??}: evaluates to null (NullCoalescedNameNode). */
    record NullCoalescedName(String name) implements Node {
        @Override
        public void dump(StringBuilder out) {
            out.append(name).append(" ?? null");
        }
    }

    record Unary(String operator, Node operand) implements Node {
        @Override
        public List<Node> children() {
            return List.of(operand);
        }

        @Override
        public void dump(StringBuilder out) {
            parenthesized(out, operator + " ", operand);
        }
    }

    record Binary(String operator, Node left, Node right) implements Node {
        @Override
        public List<Node> children() {
            return List.of(left, right);
        }

        @Override
        public void dump(StringBuilder out) {
            parenthesized(out, left, " " + operator + " ", right);
        }
    }

    /** {@code a ? b : c}, {@code a ?: c} (b is a), {@code a ? b} (c is null). */
    record Conditional(Node condition, Node whenTrue, Node whenFalse) implements Node {
        @Override
        public List<Node> children() {
            return List.of(condition, whenTrue, whenFalse);
        }

        @Override
        public void dump(StringBuilder out) {
            parenthesized(out, condition, " ? ", whenTrue, " : ", whenFalse);
        }
    }

    record NullCoalesce(Node left, Node right) implements Node {
        @Override
        public List<Node> children() {
            return List.of(left, right);
        }

        @Override
        public void dump(StringBuilder out) {
            parenthesized(out, left, ") ?? (", right);
        }
    }

    /** An array {@code [a, b]} or hash {@code {k: v}} literal; keys are the list indexes for arrays (ArrayNode). */
    record ArrayLiteral(List<Node> keys, List<Node> values) implements Node {
        @Override
        public List<Node> children() {
            ArrayList<Node> all = new ArrayList<>(keys);
            all.addAll(values);
            return all;
        }

        /** Like ArrayNode::toArray(): keys that are constants collapse like PHP array keys; a list prints as [..]. */
        @Override
        public void dump(StringBuilder out) {
            PhpArray byKey = new PhpArray();
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i) instanceof Constant constant ? constant.value() : null;
                byKey.put(key, values.get(i));
            }
            boolean hash = !byKey.isList();
            out.append(hash ? '{' : '[');
            boolean first = true;
            for (var entry : byKey.entries()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                if (hash) {
                    new Constant(entry.getKey()).dump(out);
                    out.append(": ");
                }
                ((Node) entry.getValue()).dump(out);
            }
            out.append(hash ? '}' : ']');
        }
    }

    record FunctionCall(String name, List<Node> arguments) implements Node {
        @Override
        public List<Node> children() {
            return arguments;
        }

        @Override
        public void dump(StringBuilder out) {
            out.append(name).append('(');
            dumpList(arguments, out);
            out.append(')');
        }
    }

    /** {@code a.b} (PROPERTY), {@code a.b(...)} (METHOD), {@code a[k]} (ARRAY); {@code nullSafe} for {@code ?.}. */
    record GetAttr(Node subject, Node attribute, List<Node> arguments, Kind kind, boolean nullSafe) implements Node {

        enum Kind { PROPERTY, METHOD, ARRAY }

        /** The property or method name (PROPERTY and METHOD only). */
        String name() {
            return (String) ((Constant) attribute).value();
        }

        @Override
        public List<Node> children() {
            ArrayList<Node> all = new ArrayList<>();
            all.add(subject);
            all.add(attribute);
            all.addAll(arguments);
            return all;
        }

        @Override
        public void dump(StringBuilder out) {
            subject.dump(out);
            switch (kind) {
                case PROPERTY -> out.append('.').append(name());
                case METHOD -> {
                    out.append('.').append(name()).append('(');
                    dumpList(arguments, out);
                    out.append(')');
                }
                case ARRAY -> {
                    out.append('[');
                    attribute.dump(out);
                    out.append(']');
                }
            }
        }
    }

    /** Dumps {@code parts} (nodes, or literal text) between parentheses. */
    private static void parenthesized(StringBuilder out, Object... parts) {
        out.append('(');
        for (Object part : parts) {
            if (part instanceof Node node) {
                node.dump(out);
            } else {
                out.append(part);
            }
        }
        out.append(')');
    }

    private static void dumpList(List<Node> nodes, StringBuilder out) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            nodes.get(i).dump(out);
        }
    }
}

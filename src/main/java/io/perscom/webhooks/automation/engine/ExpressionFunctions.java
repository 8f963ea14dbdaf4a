package io.perscom.webhooks.automation.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.node.expression.AndExpression;
import io.pebbletemplates.pebble.node.expression.OrExpression;
import io.pebbletemplates.pebble.node.expression.UnaryNotExpression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperatorImpl;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * The functions PERSCOM's automation conditions use ({@code in_array}, {@code contains}, {@code starts_with},
 * {@code ends_with}, {@code changed}, {@code old_value}, {@code new_value}, {@code blank}, {@code filled}), the
 * Symfony operators Pebble lacks ({@code in}, {@code not in}, {@code matches}, {@code starts with},
 * {@code ends with}), and {@code __capture}, which hands an expression's typed value back to the caller.
 */
final class ExpressionFunctions extends AbstractExtension {

    static final String CAPTURE = "__capture";
    static final String CAPTURE_SLOT = "__captured";
    /** {@code contains} is also a Pebble operator; calls are renamed to this before parsing. */
    static final String CONTAINS_FUNCTION = "__contains";

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "in_array", fn(List.of("needle", "haystack"), (a, c) -> inList(a.get("haystack"), a.get("needle"))),
                CONTAINS_FUNCTION, fn(List.of("haystack", "needle"), (a, c) -> contains(a.get("haystack"),
                        a.get("needle"))),
                "starts_with", fn(List.of("value", "prefix"), (a, c) -> text(a.get("value"))
                        .startsWith(text(a.get("prefix")))),
                "ends_with", fn(List.of("value", "suffix"), (a, c) -> text(a.get("value"))
                        .endsWith(text(a.get("suffix")))),
                "changed", fn(List.of("attribute"), (a, c) -> changes(c).containsKey(text(a.get("attribute")))),
                "old_value", fn(List.of("attribute"), (a, c) -> change(c, a.get("attribute"), "old")),
                "new_value", fn(List.of("attribute"), (a, c) -> change(c, a.get("attribute"), "new")),
                "blank", fn(List.of("value"), (a, c) -> blank(a.get("value"))),
                "filled", fn(List.of("value"), (a, c) -> !blank(a.get("value"))),
                CAPTURE, fn(List.of("value"), (a, c) -> {
                    ((Object[]) c.getVariable(CAPTURE_SLOT))[0] = a.get("value");
                    return "";
                }));
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        return List.of(
                operator("not in", () -> new Operators.NotIn()),
                operator("in", () -> new Operators.In()),
                operator("matches", () -> new Operators.Matches()),
                operator("starts with", () -> new Operators.StartsWith()),
                operator("ends with", () -> new Operators.EndsWith()),
                new BinaryOperatorImpl("&&", 15, AndExpression::new, BinaryOperatorType.NORMAL, Associativity.LEFT),
                new BinaryOperatorImpl("||", 10, OrExpression::new, BinaryOperatorType.NORMAL, Associativity.LEFT));
    }

    @Override
    public List<UnaryOperator> getUnaryOperators() {
        return List.of(new UnaryOperatorImpl("!", 5, UnaryNotExpression.class));
    }

    private static BinaryOperator operator(String symbol,
            java.util.function.Supplier<io.pebbletemplates.pebble.node.expression.BinaryExpression<?>> node) {
        return new BinaryOperatorImpl(symbol, 20, node, BinaryOperatorType.NORMAL, Associativity.LEFT);
    }

    private interface Body {
        Object apply(Map<String, Object> args, EvaluationContext context);
    }

    private static Function fn(List<String> names, Body body) {
        return new Function() {
            @Override
            public List<String> getArgumentNames() {
                return names;
            }

            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                    int line) {
                return body.apply(args, context);
            }
        };
    }

    static boolean inList(Object haystack, Object needle) {
        if (haystack instanceof Collection<?> list) {
            return list.stream().anyMatch(item -> looselyEqual(item, needle));
        }
        if (haystack instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(item -> looselyEqual(item, needle));
        }
        return false;
    }

    static boolean contains(Object haystack, Object needle) {
        if (haystack instanceof Collection<?> || haystack instanceof Map<?, ?>) {
            return inList(haystack, needle);
        }
        return haystack != null && needle != null && text(haystack).contains(text(needle));
    }

    /** Numbers compare by value whatever their Java type (JSON gives Integer, Long or Double). */
    static boolean looselyEqual(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static boolean blank(Object value) {
        return value == null
                || (value instanceof CharSequence s && s.toString().isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changes(EvaluationContext context) {
        Object changes = context.getVariable("changes");
        return changes instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Object change(EvaluationContext context, Object attribute, String side) {
        Object change = changes(context).get(text(attribute));
        return change instanceof Map<?, ?> map ? map.get(side) : null;
    }
}

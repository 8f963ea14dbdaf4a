package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a tree as the {@code evaluate()} methods of Symfony's nodes do, with PHP semantics from the php runtime.
 * Every node evaluated costs one budget step and one nesting level.
 *
 * <p>One intentional difference: {@code a.b} on an array reads the key {@code b} (null when absent), where Symfony
 * raises "Unable to get property "b" of non-object "a"". PERSCOM's documentation writes conditions such as
 * {@code model.status == "active"}; here they work, in PERSCOM they fail the automation.
 */
final class Evaluator {

    /** What a null-safe or null-coalesced access that met null returns up its chain of accesses (Symfony's short circuit). */
    private static final Object SHORT_CIRCUIT = new Object();

    private final Map<String, ExpressionFunction> functions;
    private final Map<String, Object> variables;
    private final Budget budget;

    Evaluator(Map<String, ExpressionFunction> functions, Map<String, Object> variables, Budget budget) {
        this.functions = functions;
        this.variables = variables;
        this.budget = budget;
    }

    Object evaluate(Node node) {
        Object value = evaluate(node, false);
        return value == SHORT_CIRCUIT ? null : value;
    }

    /** @param coalesce whether the node is an access under the left side of {@code ??} (no error for null/missing) */
    private Object evaluate(Node node, boolean coalesce) {
        budget.tick();
        budget.enter();
        try {
            return switch (node) {
                case Node.Constant constant -> constant.value();
                case Node.Name name -> variable(name.name());
                case Node.NullCoalescedName ignored -> null;
                case Node.Unary unary -> unary(unary);
                case Node.Binary binary -> binary(binary);
                case Node.Conditional conditional -> Php.toBool(evaluate(conditional.condition()))
                        ? evaluate(conditional.whenTrue()) : evaluate(conditional.whenFalse());
                case Node.NullCoalesce coalesceNode -> {
                    Object left = evaluate(coalesceNode.left(), true);
                    yield left != null && left != SHORT_CIRCUIT ? left : evaluate(coalesceNode.right());
                }
                case Node.ArrayLiteral array -> array(array);
                case Node.FunctionCall call -> call(call);
                case Node.GetAttr access -> getAttr(access, coalesce);
            };
        } finally {
            budget.exit();
        }
    }

    private Object variable(String name) {
        if (!variables.containsKey(name)) {
            throw new PhpError("Undefined array key \"" + name + "\"");
        }
        return variables.get(name);
    }

    private Object unary(Node.Unary unary) {
        Object value = evaluate(unary.operand());
        return switch (unary.operator()) {
            case "not", "!" -> !Php.toBool(value);
            case "-" -> Php.neg(value);
            case "~" -> Operators.bitwiseNot(value);
            default -> value; // unary + returns its operand unchanged in Symfony's evaluator
        };
    }

    private Object binary(Node.Binary binary) {
        String operator = binary.operator();
        Object left = evaluate(binary.left());
        switch (operator) {
            case "or", "||" -> {
                return Php.toBool(left) || Php.toBool(evaluate(binary.right()));
            }
            case "and", "&&" -> {
                return Php.toBool(left) && Php.toBool(evaluate(binary.right()));
            }
            default -> {
            }
        }
        Object right = evaluate(binary.right());
        return switch (operator) {
            case "xor" -> Php.toBool(left) ^ Php.toBool(right);
            case "in" -> Operators.inArrayStrict(left, right, budget);
            case "not in" -> !Operators.inArrayStrict(left, right, budget);
            case "contains" -> Operators.contains(left, right);
            case "starts with" -> Operators.startsWith(left, right);
            case "ends with" -> Operators.endsWith(left, right);
            case ".." -> Operators.range(left, right, budget);
            case "**" -> Php.pow(left, right);
            case "|", "^", "&" -> Operators.bitwise(operator, left, right);
            case "<<", ">>" -> Operators.shift(operator, left, right);
            case "==" -> Php.looseEquals(left, right);
            case "===" -> Php.strictEquals(left, right);
            case "!=" -> !Php.looseEquals(left, right);
            case "!==" -> !Php.strictEquals(left, right);
            case "<" -> Php.compare(left, right) < 0;
            case ">" -> Php.compare(left, right) > 0;
            case ">=" -> Php.compare(left, right) >= 0;
            case "<=" -> Php.compare(left, right) <= 0;
            case "+" -> Php.add(left, right);
            case "-" -> Php.sub(left, right);
            case "~" -> Php.concat(left, right, budget);
            case "*" -> Php.mul(left, right);
            case "/" -> {
                checkDivisor(right, "Division by zero.");
                yield Php.div(left, right);
            }
            case "%" -> {
                checkDivisor(right, "Modulo by zero.");
                yield Php.mod(left, right);
            }
            case "matches" -> Matches.evaluate(right, left, budget);
            default -> throw new PhpError("\"Symfony\\Component\\ExpressionLanguage\\Node\\BinaryNode\" does not"
                    + " support the \"" + operator + "\" operator.");
        };
    }

    /** Symfony checks {@code 0 == $right} itself before dividing, with its own message (ending with a dot). */
    private static void checkDivisor(Object right, String message) {
        if (Php.looseEquals(0L, right)) {
            throw new PhpError(message);
        }
    }

    private PhpArray array(Node.ArrayLiteral literal) {
        PhpArray result = new PhpArray();
        for (int i = 0; i < literal.keys().size(); i++) {
            Object key = evaluate(literal.keys().get(i));
            Object value = evaluate(literal.values().get(i));
            result.put(PhpArray.normalizeKey(key), value);
        }
        return result;
    }

    private Object call(Node.FunctionCall call) {
        List<Object> args = new ArrayList<>(call.arguments().size());
        for (Node argument : call.arguments()) {
            args.add(evaluate(argument));
        }
        return functions.get(call.name()).call(variables, args);
    }

    private Object getAttr(Node.GetAttr access, boolean coalesce) {
        Object subject = access.subject() instanceof Node.GetAttr inner ? evaluate(inner, coalesce)
                : evaluate(access.subject());
        return switch (access.kind()) {
            case PROPERTY -> property(access, subject, coalesce);
            case METHOD -> method(access, subject);
            case ARRAY -> item(access, subject, coalesce);
        };
    }

    private Object property(Node.GetAttr access, Object subject, boolean coalesce) {
        if (subject == SHORT_CIRCUIT || (subject == null && (access.nullSafe() || coalesce))) {
            return SHORT_CIRCUIT;
        }
        if (subject instanceof PhpArray array) {
            // Intentional difference (see the class comment): an array's key, null when absent
            return array.get(access.name());
        }
        if (subject instanceof PhpDate date) {
            if (coalesce && !date.hasAttribute(access.name())) {
                return null;
            }
            return date.attribute(access.name());
        }
        throw new PhpError("Unable to get property \"" + access.name() + "\" of non-object \""
                + access.subject().dump() + "\".");
    }

    private Object method(Node.GetAttr access, Object subject) {
        if (subject == SHORT_CIRCUIT || (subject == null && access.nullSafe())) {
            return SHORT_CIRCUIT;
        }
        if (!(subject instanceof PhpDate date)) {
            throw new PhpError("Unable to call method \"" + access.name() + "\" of non-object \""
                    + access.subject().dump() + "\".");
        }
        List<Object> args = new ArrayList<>(access.arguments().size());
        for (Node argument : access.arguments()) {
            args.add(evaluate(argument));
        }
        // Only PhpDate's whitelist (format, toDateString...); any other name fails as Carbon's __call does
        return date.callMethod(access.name(), args);
    }

    private Object item(Node.GetAttr access, Object subject, boolean coalesce) {
        if (subject == SHORT_CIRCUIT) {
            return SHORT_CIRCUIT;
        }
        if (!(subject instanceof PhpArray) && !(subject == null && coalesce)) {
            throw new PhpError("Unable to get an item of non-array \"" + access.subject().dump() + "\".");
        }
        Object key = access.attribute() instanceof Node.GetAttr inner ? evaluate(inner, coalesce)
                : evaluate(access.attribute());
        if (key == SHORT_CIRCUIT) {
            key = null;
        }
        if (subject == null) {
            return null;
        }
        PhpArray array = (PhpArray) subject;
        Object normalized = PhpArray.normalizeKey(key);
        if (!array.containsKey(normalized)) {
            if (coalesce) {
                return null;
            }
            throw new PhpError("Undefined array key " + (normalized instanceof String s ? "\"" + s + "\"" : normalized));
        }
        return array.get(normalized);
    }
}

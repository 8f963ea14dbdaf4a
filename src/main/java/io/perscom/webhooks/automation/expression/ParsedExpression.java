package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Budget;
import java.util.Map;

/** A parsed expression, immutable and safe to share between threads; evaluate it as often as needed. */
public final class ParsedExpression {

    private final String source;
    private final Node root;
    private final Map<String, ExpressionFunction> functions;

    ParsedExpression(String source, Node root, Map<String, ExpressionFunction> functions) {
        this.source = source;
        this.root = root;
        this.functions = functions;
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates with the given variables (PHP values; every name the expression uses must be a key).
     *
     * @throws io.perscom.webhooks.automation.php.PhpError a runtime error, with Symfony's or PHP's message
     * @throws io.perscom.webhooks.automation.php.LimitExceeded when the budget runs out
     */
    public Object evaluate(Map<String, Object> variables, Budget budget) {
        return new Evaluator(functions, variables, budget).evaluate(root);
    }

    Node root() {
        return root;
    }
}

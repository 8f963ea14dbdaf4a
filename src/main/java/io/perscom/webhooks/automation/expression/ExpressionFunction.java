package io.perscom.webhooks.automation.expression;

import java.util.List;
import java.util.Map;

/**
 * A function callable from expressions, as Symfony's evaluator closures: it receives all the variables of the
 * evaluation and the evaluated arguments (as many as the call passes: PHP closures ignore extra ones).
 */
@FunctionalInterface
public interface ExpressionFunction {

    Object call(Map<String, Object> variables, List<Object> args);
}

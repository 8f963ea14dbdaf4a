package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.LimitExceeded;
import java.util.Map;
import java.util.Optional;

/** A compiled template; immutable and shareable between threads (each render has its own state). */
public final class TwigTemplate {
    private final Node.Body body;
    private final Builtins builtins;
    private final TwigOptions options;

    TwigTemplate(Node.Body body, Builtins builtins, TwigOptions options) {
        this.body = body;
        this.builtins = builtins;
        this.options = options;
    }

    /**
     * Renders the template.
     *
     * @throws io.perscom.webhooks.automation.php.PhpError     a runtime error as Twig/PHP would raise it
     * @throws io.perscom.webhooks.automation.php.LimitExceeded a bound of {@code budget} was hit
     */
    public String render(Map<String, Object> context, Budget budget) {
        try {
            return new Interpreter(budget, builtins, options).render(body, new Scope(context));
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /** Defence in depth: the parser and the budget bound nesting, so this should never be reached. */
    private static LimitExceeded tooDeep() {
        return new LimitExceeded("depth", "template evaluation nested too deeply");
    }

    /**
     * Typed mode: when the whole template is one {@code {{ expr }}} (with only whitespace around it), the PHP value of
     * the expression, neither converted to a string nor escaped; otherwise empty. A null value is also empty: call
     * {@link #isSingleExpression()} to tell the two apart.
     */
    public Optional<Object> evaluateSingleExpression(Map<String, Object> context, Budget budget) {
        Node.Print single = null;
        for (Node.Stmt s : body.statements()) {
            if (s instanceof Node.Text t && t.text().isBlank()) {
                continue;
            }
            if (s instanceof Node.Print p && single == null) {
                single = p;
                continue;
            }
            return Optional.empty();
        }
        if (single == null) {
            return Optional.empty();
        }
        Object value;
        try {
            value = new Interpreter(budget, builtins, options).eval(single.expr(), new Scope(context));
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
        if (value instanceof Closure) {
            throw new io.perscom.webhooks.automation.php.PhpError("An arrow function is not a value");
        }
        return Optional.ofNullable(value instanceof Markup m ? m.content() : value);
    }

    /** Whether the template is exactly one {@code {{ expr }}} with only whitespace around it. */
    public boolean isSingleExpression() {
        int prints = 0;
        for (Node.Stmt s : body.statements()) {
            if (s instanceof Node.Text t && t.text().isBlank()) {
                continue;
            }
            if (!(s instanceof Node.Print)) {
                return false;
            }
            prints++;
        }
        return prints == 1;
    }
}

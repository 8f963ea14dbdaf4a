package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.PhpError;
import java.util.List;

/** An arrow function value ({@code x => ...}) as passed to map, filter, reduce, sort and the "has" operators. */
record Closure(Node.Arrow arrow, Scope scope, Interpreter interpreter) {

    Object call(Object... args) {
        if (args.length < arrow.params().size()) {
            throw new PhpError("Too few arguments to function {closure}(), " + args.length + " passed and exactly "
                    + arrow.params().size() + " expected");
        }
        Scope local = scope.child();
        List<String> params = arrow.params();
        for (int i = 0; i < params.size(); i++) {
            local.set(params.get(i), args[i]);
        }
        return interpreter.eval(arrow.body(), local);
    }
}

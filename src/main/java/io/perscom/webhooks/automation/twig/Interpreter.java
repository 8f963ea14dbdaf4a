package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.twig.Node.Arg;
import io.perscom.webhooks.automation.twig.Node.ArrayLit;
import io.perscom.webhooks.automation.twig.Node.Arrow;
import io.perscom.webhooks.automation.twig.Node.Binary;
import io.perscom.webhooks.automation.twig.Node.Body;
import io.perscom.webhooks.automation.twig.Node.CallType;
import io.perscom.webhooks.automation.twig.Node.Conditional;
import io.perscom.webhooks.automation.twig.Node.Const;
import io.perscom.webhooks.automation.twig.Node.Do;
import io.perscom.webhooks.automation.twig.Node.Expr;
import io.perscom.webhooks.automation.twig.Node.Filter;
import io.perscom.webhooks.automation.twig.Node.For;
import io.perscom.webhooks.automation.twig.Node.Function;
import io.perscom.webhooks.automation.twig.Node.GetAttr;
import io.perscom.webhooks.automation.twig.Node.If;
import io.perscom.webhooks.automation.twig.Node.Name;
import io.perscom.webhooks.automation.twig.Node.NullCoalesce;
import io.perscom.webhooks.automation.twig.Node.Print;
import io.perscom.webhooks.automation.twig.Node.Set;
import io.perscom.webhooks.automation.twig.Node.Stmt;
import io.perscom.webhooks.automation.twig.Node.Test;
import io.perscom.webhooks.automation.twig.Node.Text;
import io.perscom.webhooks.automation.twig.Node.Unary;
import io.perscom.webhooks.automation.twig.Node.With;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Walks a parsed template for one render, under one {@link Budget}. */
final class Interpreter {
    private final Budget budget;
    private final Builtins builtins;
    private final TwigOptions options;

    Interpreter(Budget budget, Builtins builtins, TwigOptions options) {
        this.budget = budget;
        this.builtins = builtins;
        this.options = options;
    }

    Budget budget() {
        return budget;
    }

    ZoneId timezone() {
        return options.timezone();
    }

    Clock clock() {
        return options.clock();
    }

    String widgetUrl() {
        return options.widgetUrl();
    }

    // ---------------------------------------------------------------- statements

    String render(Body body, Scope scope) {
        StringBuilder out = new StringBuilder();
        exec(body, scope, out);
        return out.toString();
    }

    private void write(StringBuilder out, String s) {
        if (!s.isEmpty()) {
            budget.checkString((long) out.length() + s.length());
            out.append(s);
        }
    }

    private void exec(Stmt stmt, Scope scope, StringBuilder out) {
        budget.tick();
        budget.enter();
        try {
            switch (stmt) {
                case Body b -> {
                    for (Stmt s : b.statements()) {
                        exec(s, scope, out);
                    }
                }
                case Text t -> write(out, t.text());
                case Print p -> print(p.expr(), p.strategy(), scope, out);
                case If i -> execIf(i, scope, out);
                case For f -> execFor(f, scope, out);
                case Set s -> execSet(s, scope);
                case With w -> execWith(w, scope, out);
                case Do d -> eval(d.expr(), scope);
            }
        } finally {
            budget.exit();
        }
    }

    private void execIf(If i, Scope scope, StringBuilder out) {
        for (int k = 0; k < i.conditions().size(); k++) {
            if (Values.truthy(eval(i.conditions().get(k), scope))) {
                exec(i.bodies().get(k), scope, out);
                return;
            }
        }
        if (i.elseBody() != null) {
            exec(i.elseBody(), scope, out);
        }
    }

    /** Twig's ForNode: loop variables live in the context and are restored (or removed) after the loop. */
    private void execFor(For f, Scope scope, StringBuilder out) {
        Object seq = eval(f.sequence(), scope);
        Map<String, Object> vars = scope.vars();
        Map<String, Object> saved = new HashMap<>(vars);
        budget.tick(vars.size());
        PhpArray parent = scope.toArray();
        PhpArray items = seq instanceof PhpArray a ? a : new PhpArray();
        vars.put("_parent", parent);
        int length = items.size();
        long index0 = 0;
        vars.put("loop", loopVariable(parent, 0, length));
        for (Map.Entry<Object, Object> e : items.entries()) {
            budget.tick();
            budget.checkDeadline();
            vars.put("loop", loopVariable(parent, index0, length));
            vars.put(f.keyName(), e.getKey());
            vars.put(f.valueName(), e.getValue());
            exec(f.body(), scope, out);
            index0++;
        }
        if (length == 0 && f.elseBody() != null) {
            exec(f.elseBody(), scope, out);
        }
        vars.keySet().retainAll(saved.keySet());
        for (String name : List.of("_parent", "loop", f.keyName(), f.valueName())) {
            if (saved.containsKey(name)) {
                vars.put(name, saved.get(name));
            } else {
                vars.remove(name);
            }
        }
    }

    /** Twig's "loop" variable; it exists from before the first iteration (also in the "else" part). */
    private static PhpArray loopVariable(PhpArray parent, long index0, int length) {
        PhpArray loop = new PhpArray();
        loop.put("parent", parent);
        loop.put("index0", index0);
        loop.put("index", index0 + 1);
        loop.put("first", index0 == 0);
        loop.put("revindex0", (long) length - index0 - 1);
        loop.put("revindex", (long) length - index0);
        loop.put("length", (long) length);
        loop.put("last", index0 == length - 1);
        return loop;
    }

    private void execSet(Set s, Scope scope) {
        if (s.capture() != null) {
            StringBuilder captured = new StringBuilder();
            exec(s.capture(), scope, captured);
            scope.set(s.names().get(0), captured.isEmpty() ? "" : new Markup(captured.toString()));
            return;
        }
        Object[] values = new Object[s.values().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eval(s.values().get(i), scope);
        }
        for (int i = 0; i < values.length; i++) {
            scope.set(s.names().get(i), values[i]);
        }
    }

    private void execWith(With w, Scope scope, StringBuilder out) {
        Map<String, Object> vars = scope.vars();
        Map<String, Object> saved = new java.util.LinkedHashMap<>(vars);
        try {
            if (w.variables() != null) {
                Object v = eval(w.variables(), scope);
                if (!(v instanceof PhpArray a)) {
                    throw new PhpError("Variables passed to the \"with\" tag must be a hash.");
                }
                if (w.only()) {
                    vars.clear();
                }
                for (Map.Entry<Object, Object> e : a.entries()) {
                    vars.put(String.valueOf(e.getKey()), e.getValue());
                }
            } else if (w.only()) {
                vars.clear();
            }
            exec(w.body(), scope, out);
        } finally {
            vars.clear();
            vars.putAll(saved);
        }
    }

    // ---------------------------------------------------------------- output and escaping

    /** Twig's EscaperNodeVisitor, applied at run time: escape unless the expression is safe for the strategy. */
    private void print(Expr expr, String strategy, Scope scope, StringBuilder out) {
        if (strategy != null) {
            Expr branch = expr;
            while (true) {
                if (branch instanceof Conditional c
                        && Safety.isSafe(c.then(), strategy) != Safety.isSafe(c.otherwise(), strategy)) {
                    branch = Values.truthy(eval(c.condition(), scope)) ? c.then() : c.otherwise();
                } else if (branch instanceof NullCoalesce n
                        && Safety.isSafe(n.left(), strategy) != Safety.isSafe(n.right(), strategy)) {
                    branch = isDefined(n.left(), scope) && eval(n.left(), scope) != null ? n.left() : n.right();
                } else {
                    break;
                }
            }
            Object value = eval(branch, scope);
            if (!Safety.isSafe(branch, strategy)) {
                value = Escaper.escape(this, value, strategy, true);
            }
            write(out, Values.str(value));
            return;
        }
        write(out, Values.str(eval(expr, scope)));
    }

    // ---------------------------------------------------------------- expressions

    Object eval(Expr expr, Scope scope) {
        budget.tick();
        budget.enter();
        try {
            return switch (expr) {
                case Const c -> c.value();
                case Name n -> scope.get(n.name());
                case ArrayLit a -> evalArray(a, scope);
                case Unary u -> evalUnary(u, scope);
                case Binary b -> Operators.binary(this, b, scope);
                case Conditional c -> Values.truthy(eval(c.condition(), scope))
                        ? eval(c.then(), scope)
                        : eval(c.otherwise(), scope);
                case NullCoalesce n -> {
                    Object left = isDefined(n.left(), scope) ? eval(n.left(), scope) : null;
                    yield left != null ? left : eval(n.right(), scope);
                }
                case Test t -> Tests.test(this, t, scope);
                case GetAttr g -> getAttribute(g, scope, false);
                case Filter f -> evalFilter(f, scope);
                case Function f -> call(builtins.function(f.name()), null, f.args(), scope);
                case Node.Spread s -> throw new PhpError("Spread operator is only supported in arrays and hashes.");
                case Arrow a -> {
                    // PHP closures capture $context by value when they are created
                    budget.tick(scope.vars().size());
                    yield new Closure(a, scope.snapshot(), this);
                }
            };
        } finally {
            budget.exit();
        }
    }

    private Object evalArray(ArrayLit a, Scope scope) {
        budget.checkCollection(a.values().size());
        PhpArray out = new PhpArray();
        for (int i = 0; i < a.values().size(); i++) {
            Expr keyExpr = a.keys().get(i);
            if (a.values().get(i) instanceof Node.Spread spread) {
                spreadInto(out, eval(spread.operand(), scope));
            } else if (keyExpr == null) {
                out.append(eval(a.values().get(i), scope));
            } else {
                Object key = Values.unwrap(eval(keyExpr, scope));
                if (key instanceof PhpArray || Values.isObject(key)) {
                    throw new PhpError("Illegal offset type");
                }
                out.put(key, eval(a.values().get(i), scope));
            }
        }
        return out;
    }

    /** PHP's [...$a]: integer keys are renumbered, string keys kept (later ones win). */
    private void spreadInto(PhpArray out, Object value) {
        if (!(value instanceof PhpArray items)) {
            throw new PhpError("Only arrays and Traversables can be unpacked");
        }
        budget.checkCollection((long) out.size() + items.size());
        for (Map.Entry<Object, Object> e : items.entries()) {
            if (e.getKey() instanceof Long) {
                out.append(e.getValue());
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
    }

    private Object evalUnary(Unary u, Scope scope) {
        Object v = eval(u.operand(), scope);
        return switch (u.op()) {
            case "not" -> !Values.truthy(v);
            case "-" -> Php.neg(Values.unwrap(v));
            default -> Php.plus(Values.unwrap(v));
        };
    }

    private Object evalFilter(Filter f, Scope scope) {
        Builtins.Callable filter = builtins.filter(f.name());
        if ("default".equals(f.name()) && (f.operand() instanceof Name || f.operand() instanceof GetAttr)
                && !isDefined(f.operand(), scope)) {
            return f.args().isEmpty() ? "" : eval(f.args().get(0).value(), scope);
        }
        Object value = eval(f.operand(), scope);
        if (filter.preEscape() && !Safety.isSafe(f.operand(), "html")) {
            value = Escaper.escape(this, value, "html", true);
        }
        return call(filter, value, f.args(), scope);
    }

    private Object call(Builtins.Callable callable, Object value, List<Arg> args, Scope scope) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eval(args.get(i).value(), scope);
        }
        return callable.impl().call(this, value, values);
    }

    /** The operand of "is defined" (and the left side of "??"). */
    boolean isDefined(Expr expr, Scope scope) {
        return switch (expr) {
            case Name n -> scope.has(n.name());
            case GetAttr g -> (Boolean) getAttribute(g, scope, true);
            default -> true;
        };
    }

    /** twig_get_attribute for PHP arrays and dates (strict_variables off: what is missing is null). */
    private Object getAttribute(GetAttr g, Scope scope, boolean definedTest) {
        Object object = eval(g.object(), scope);
        Object item = Values.unwrap(eval(g.attribute(), scope));
        Object[] args = new Object[g.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(g.args().get(i), scope);
        }
        if (g.type() != CallType.METHOD) {
            if (object instanceof PhpArray array) {
                Object key = item instanceof Boolean || item instanceof Double ? Php.toLong(item) : item;
                if (key instanceof PhpArray || Values.isObject(key)) {
                    throw new PhpError("Illegal offset type in isset or empty");
                }
                if (array.containsKey(key)) {
                    return definedTest ? Boolean.TRUE : array.get(key);
                }
            }
            if (g.type() == CallType.ARRAY || !(object instanceof PhpDate)) {
                return definedTest ? Boolean.FALSE : null;
            }
        }
        if (!(object instanceof PhpDate date)) {
            return definedTest ? Boolean.FALSE : null;
        }
        String name = Values.str(item);
        if (g.type() != CallType.METHOD && date.hasAttribute(name)) {
            return definedTest ? Boolean.TRUE : date.attribute(name);
        }
        String method = dateMethod(name);
        if (method == null) {
            if (g.type() == CallType.METHOD) {
                throw new PhpError("Calling method \"" + name + "\" on a date is not supported in automation "
                        + "templates.");
            }
            return definedTest ? Boolean.FALSE : null;
        }
        if (definedTest) {
            return Boolean.TRUE;
        }
        List<Object> argList = new java.util.ArrayList<>();
        for (Object a : args) {
            argList.add(Values.unwrap(a));
        }
        if ("format".equals(method) && !argList.isEmpty()) {
            return DateFilters.format(this, date, Values.str(argList.get(0)));
        }
        return date.callMethod(method, argList);
    }

    /** Twig finds methods case-insensitively, also as getX/isX/hasX; only the whitelisted ones are callable. */
    private static String dateMethod(String name) {
        if (PhpDate.isAllowedMethod(name)) {
            return name;
        }
        String upper = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String prefix : List.of("get", "is", "has")) {
            if (PhpDate.isAllowedMethod(prefix + upper)) {
                return prefix + upper;
            }
        }
        return null;
    }

    /**
     * Calls an arrow function given to a filter or a "has some/every" operator. Only arrow functions are accepted:
     * PERSCOM's Twig (not sandboxed) would also call PHP functions named by a string, which we refuse, with the
     * message Twig gives in sandbox mode.
     */
    Object callArrow(Object arrow, String name, Object... args) {
        if (!(arrow instanceof Closure closure)) {
            throw new PhpError("The callable passed to the \"" + name + "\" "
                    + (name.startsWith("has ") ? "operator" : "filter") + " must be a Closure in sandbox mode.");
        }
        budget.tick();
        return closure.call(args);
    }
}

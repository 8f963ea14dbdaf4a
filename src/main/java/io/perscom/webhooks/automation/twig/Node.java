package io.perscom.webhooks.automation.twig;

import java.util.List;

/** The template syntax tree: statements and expressions, as records. */
sealed interface Node {

    int line();

    // ---- statements ----

    sealed interface Stmt extends Node {}

    record Body(List<Stmt> statements, int line) implements Stmt {}

    record Text(String text, int line) implements Stmt {}

    /** Output of an expression; {@code strategy} is the autoescape strategy in force (null = no escaping). */
    record Print(Expr expr, String strategy, int line) implements Stmt {}

    record If(List<Expr> conditions, List<Body> bodies, Body elseBody, int line) implements Stmt {}

    record For(String keyName, String valueName, Expr sequence, Body body, Body elseBody, int line) implements Stmt {}

    /** {@code set a, b = x, y} (values != null) or a capture block {@code set a %}...{% endset} (capture != null). */
    record Set(List<String> names, List<Expr> values, Body capture, int line) implements Stmt {}

    record With(Expr variables, boolean only, Body body, int line) implements Stmt {}

    record Do(Expr expr, int line) implements Stmt {}

    // ---- expressions ----

    sealed interface Expr extends Node {}

    record Arg(String name, Expr value) {}

    record Const(Object value, int line) implements Expr {}

    record Name(String name, int line) implements Expr {}

    /** Array or hash literal; a null key means "next index". */
    record ArrayLit(List<Expr> keys, List<Expr> values, int line) implements Expr {}

    record Unary(String op, Expr operand, int line) implements Expr {}

    record Binary(String op, Expr left, Expr right, int line) implements Expr {}

    record Conditional(Expr condition, Expr then, Expr otherwise, int line) implements Expr {}

    /** {@code left ?? right}: left when it is defined and not null. */
    record NullCoalesce(Expr left, Expr right, int line) implements Expr {}

    record Test(Expr operand, String name, List<Arg> args, int line) implements Expr {}

    enum CallType { ANY, ARRAY, METHOD }

    /**
     * {@code a.b}, {@code a[b]}, {@code a.b(args)}. {@code definedTest}: evaluate as the operand of "is defined";
     * {@code ignoreStrict}: an inner part of such an operand.
     */
    record GetAttr(Expr object, Expr attribute, List<Expr> args, CallType type, boolean definedTest, int line)
            implements Expr {}

    record Filter(Expr operand, String name, List<Arg> args, int line) implements Expr {}

    record Function(String name, List<Arg> args, int line) implements Expr {}

    record Arrow(List<String> params, Expr body, int line) implements Expr {}

    /** {@code ...expr} inside an array or hash literal (Twig 3.15+): its entries are unpacked there. */
    record Spread(Expr operand, int line) implements Expr {}



}

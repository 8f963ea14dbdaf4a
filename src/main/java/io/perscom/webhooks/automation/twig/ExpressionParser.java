package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.twig.Node.Arg;
import io.perscom.webhooks.automation.twig.Node.ArrayLit;
import io.perscom.webhooks.automation.twig.Node.Arrow;
import io.perscom.webhooks.automation.twig.Node.Binary;
import io.perscom.webhooks.automation.twig.Node.CallType;
import io.perscom.webhooks.automation.twig.Node.Conditional;
import io.perscom.webhooks.automation.twig.Node.Const;
import io.perscom.webhooks.automation.twig.Node.Expr;
import io.perscom.webhooks.automation.twig.Node.Filter;
import io.perscom.webhooks.automation.twig.Node.Function;
import io.perscom.webhooks.automation.twig.Node.GetAttr;
import io.perscom.webhooks.automation.twig.Node.Name;
import io.perscom.webhooks.automation.twig.Node.NullCoalesce;
import io.perscom.webhooks.automation.twig.Node.Test;
import io.perscom.webhooks.automation.twig.Node.Unary;
import io.perscom.webhooks.automation.twig.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Twig's precedence-climbing expression parser (operator table of Twig 3.5's core extension). */
final class ExpressionParser {
    private record Op(int precedence, boolean rightAssociative) {}

    private static final Map<String, Integer> UNARY = Map.of("not", 50, "-", 500, "+", 500);
    private static final Map<String, Op> BINARY = Map.ofEntries(
            Map.entry("or", new Op(10, false)), Map.entry("xor", new Op(12, false)), Map.entry("and", new Op(15, false)),
            Map.entry("b-or", new Op(16, false)), Map.entry("b-xor", new Op(17, false)),
            Map.entry("b-and", new Op(18, false)),
            Map.entry("==", new Op(20, false)), Map.entry("!=", new Op(20, false)), Map.entry("<=>", new Op(20, false)),
            Map.entry("<", new Op(20, false)), Map.entry(">", new Op(20, false)), Map.entry(">=", new Op(20, false)),
            Map.entry("<=", new Op(20, false)), Map.entry("not in", new Op(20, false)), Map.entry("in", new Op(20, false)),
            Map.entry("matches", new Op(20, false)), Map.entry("starts with", new Op(20, false)),
            Map.entry("ends with", new Op(20, false)), Map.entry("has some", new Op(20, false)),
            Map.entry("has every", new Op(20, false)), Map.entry("===", new Op(20, false)),
            Map.entry("!==", new Op(20, false)), Map.entry("..", new Op(25, false)),
            Map.entry("+", new Op(30, false)), Map.entry("-", new Op(30, false)), Map.entry("~", new Op(40, false)),
            Map.entry("*", new Op(60, false)), Map.entry("/", new Op(60, false)), Map.entry("//", new Op(60, false)),
            Map.entry("%", new Op(60, false)), Map.entry("is", new Op(100, false)), Map.entry("is not", new Op(100, false)),
            Map.entry("**", new Op(200, true)), Map.entry("??", new Op(300, true)));

    private final Parser parser;
    private final TokenStream stream;
    /** Expressions written inside parentheses (Twig 3.15+ keeps them: "(-2) ** 2" is 4, "-2 ** 2" is -4). */
    private final java.util.Set<Expr> parenthesized = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Builtins builtins;

    ExpressionParser(Parser parser, TokenStream stream, Builtins builtins) {
        this.parser = parser;
        this.stream = stream;
        this.builtins = builtins;
    }

    /** Twig 3.15+ accepts arrow functions anywhere an expression is expected. */
    Expr parseExpression() throws TwigSyntaxError {
        return parseExpression(0, true);
    }

    Expr parseExpression(int precedence, boolean allowArrow) throws TwigSyntaxError {
        parser.enter(stream.current().line());
        try {
            if (allowArrow) {
                Expr arrow = parseArrow();
                if (arrow != null) {
                    return arrow;
                }
            }
            Expr expr = getPrimary();
            Token token = stream.current();
            Op op;
            while (token.type() == Type.OPERATOR && (op = BINARY.get(token.text())) != null
                    && op.precedence >= precedence) {
                stream.next();
                String name = token.text();
                if ("is not".equals(name)) {
                    expr = new Unary("not", parseTestExpression(expr), token.line());
                } else if ("is".equals(name)) {
                    expr = parseTestExpression(expr);
                } else {
                    Expr right = parseExpression(op.rightAssociative ? op.precedence : op.precedence + 1, true);
                    expr = switch (name) {
                        case "??" -> new NullCoalesce(checkDefinable(expr), right, token.line());
                        case "**" -> power(expr, right, token.line());
                        case "matches" -> matches(expr, right, token.line());
                        default -> new Binary(name, expr, right, token.line());
                    };
                }
                token = stream.current();
            }
            return precedence == 0 ? parseConditional(expr) : expr;
        } finally {
            parser.exit();
        }
    }

    /**
     * Twig compiles "-a ** b" to PHP's "-a ** b", where ** binds tighter than the sign: -(a ** b). Only a sign
     * written in parentheses applies first.
     */
    private Expr power(Expr left, Expr right, int line) {
        if (left instanceof Unary u && !"not".equals(u.op()) && !parenthesized.contains(left)) {
            return new Unary(u.op(), power(u.operand(), right, line), u.line());
        }
        return new Binary("**", left, right, line);
    }

    /** Twig 3.12+ checks a constant pattern of "matches" at compile time. */
    private static Expr matches(Expr subject, Expr pattern, int line) throws TwigSyntaxError {
        if (pattern instanceof Const c && c.value() instanceof String source) {
            try {
                io.perscom.webhooks.automation.php.PhpRegex.compile(source);
            } catch (io.perscom.webhooks.automation.php.PhpError e) {
                String warning = e.getMessage();
                throw new TwigSyntaxError("Regexp \"" + source + "\" passed to \"matches\" is not valid"
                        + (warning.length() > 12 ? warning.substring(12) : "") + ".", line);
            }
        }
        return new Binary("matches", subject, pattern, line);
    }

    private Expr parseArrow() throws TwigSyntaxError {
        if (stream.look(1).test(Type.ARROW)) {
            Token name = stream.expect(Type.NAME);
            stream.expect(Type.ARROW);
            return new Arrow(List.of(name.text()), parseExpression(), name.line());
        }
        int i = 0;
        if (!stream.look(i).test(Type.PUNCTUATION, "(")) {
            return null;
        }
        i++;
        while (true) {
            i++;
            if (!stream.look(i).test(Type.PUNCTUATION, ",")) {
                break;
            }
            i++;
        }
        if (!stream.look(i).test(Type.PUNCTUATION, ")") || !stream.look(i + 1).test(Type.ARROW)) {
            return null;
        }
        Token open = stream.expect(Type.PUNCTUATION, "(", null);
        List<String> names = new ArrayList<>();
        do {
            names.add(stream.expect(Type.NAME).text());
        } while (stream.nextIf(Type.PUNCTUATION, ",") != null);
        stream.expect(Type.PUNCTUATION, ")", null);
        stream.expect(Type.ARROW);
        return new Arrow(names, parseExpression(), open.line());
    }

    private Expr getPrimary() throws TwigSyntaxError {
        Token token = stream.current();
        if (token.type() == Type.OPERATOR && UNARY.containsKey(token.text())) {
            stream.next();
            Expr operand = parseExpression(UNARY.get(token.text()), false);
            return parsePostfix(new Unary(token.text(), operand, token.line()));
        }
        if (token.test(Type.PUNCTUATION, "(")) {
            stream.next();
            Expr expr = parseExpression();
            stream.expect(Type.PUNCTUATION, ")", "An opened parenthesis is not properly closed");
            parenthesized.add(expr);
            return parsePostfix(expr);
        }
        return parsePrimaryExpression();
    }

    private Expr parseConditional(Expr expr) throws TwigSyntaxError {
        while (stream.nextIf(Type.PUNCTUATION, "?") != null) {
            Expr then;
            Expr otherwise;
            if (stream.nextIf(Type.PUNCTUATION, ":") == null) {
                then = parseExpression();
                otherwise = stream.nextIf(Type.PUNCTUATION, ":") != null
                        ? parseExpression()
                        : new Const("", stream.current().line());
            } else {
                then = expr;
                otherwise = parseExpression();
            }
            expr = new Conditional(expr, then, otherwise, stream.current().line());
        }
        return expr;
    }

    private static boolean isNameLike(String s) {
        if (s.isEmpty() || !Lexer.isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Lexer.isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    Expr parsePrimaryExpression() throws TwigSyntaxError {
        Token token = stream.current();
        Expr node;
        switch (token.type()) {
            case NAME -> {
                stream.next();
                node = switch (token.text()) {
                    case "true", "TRUE" -> new Const(true, token.line());
                    case "false", "FALSE" -> new Const(false, token.line());
                    case "none", "NONE", "null", "NULL" -> new Const(null, token.line());
                    default -> stream.test(Type.PUNCTUATION, "(")
                            ? parseFunction(token.text(), token.line())
                            : new Name(token.text(), token.line());
                };
            }
            case NUMBER -> {
                stream.next();
                node = new Const(token.value(), token.line());
            }
            case STRING, INTERPOLATION_START -> node = parseStringExpression();
            case OPERATOR -> {
                if (isNameLike(token.text())) {
                    stream.next();
                    node = new Name(token.text(), token.line());
                } else if ("-".equals(token.text()) || "+".equals(token.text())) {
                    stream.next();
                    parser.enter(token.line());
                    try {
                        node = new Unary(token.text(), parsePrimaryExpression(), token.line());
                    } finally {
                        parser.exit();
                    }
                } else if ("not".equals(token.text())) {
                    throw new TwigSyntaxError("Unexpected unary operator \"not\".", token.line());
                } else {
                    node = parseOther(token);
                }
            }
            default -> node = parseOther(token);
        }
        return parsePostfix(node);
    }

    private Expr parseOther(Token token) throws TwigSyntaxError {
        if (token.test(Type.PUNCTUATION, "[")) {
            return parseArray();
        }
        if (token.test(Type.PUNCTUATION, "{")) {
            return parseHash();
        }
        String previous = stream.look(-1).text();
        if (token.test(Type.OPERATOR, "=") && ("==".equals(previous) || "!=".equals(previous))) {
            throw new TwigSyntaxError("Unexpected operator of value \"=\". Did you try to use \"===\" or \"!==\" for "
                    + "strict comparison? Use \"is same as(value)\" instead.", token.line());
        }
        throw new TwigSyntaxError("Unexpected token \"" + token.type().english + "\" of value \"" + token.text()
                + "\".", token.line());
    }

    private Expr parseStringExpression() throws TwigSyntaxError {
        List<Expr> parts = new ArrayList<>();
        boolean nextCanBeString = true;
        while (true) {
            Token t;
            if (nextCanBeString && (t = stream.nextIf(Type.STRING)) != null) {
                parts.add(new Const(t.text(), t.line()));
                nextCanBeString = false;
            } else if (stream.nextIf(Type.INTERPOLATION_START) != null) {
                parts.add(parseExpression());
                stream.expect(Type.INTERPOLATION_END);
                nextCanBeString = true;
            } else {
                break;
            }
        }
        Expr expr = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            expr = new Binary("~", expr, parts.get(i), parts.get(i).line());
        }
        return expr;
    }

    private Expr parseArray() throws TwigSyntaxError {
        int line = stream.expect(Type.PUNCTUATION, "[", "An array element was expected").line();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean first = true;
        while (!stream.test(Type.PUNCTUATION, "]")) {
            if (!first) {
                stream.expect(Type.PUNCTUATION, ",", "An array element must be followed by a comma");
                if (stream.test(Type.PUNCTUATION, "]")) {
                    break;
                }
            }
            first = false;
            keys.add(null);
            values.add(parseElement());
        }
        stream.expect(Type.PUNCTUATION, "]", "An opened array is not properly closed");
        return new ArrayLit(keys, values, line);
    }

    private Expr parseHash() throws TwigSyntaxError {
        int line = stream.expect(Type.PUNCTUATION, "{", "A hash element was expected").line();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean first = true;
        while (!stream.test(Type.PUNCTUATION, "}")) {
            if (!first) {
                stream.expect(Type.PUNCTUATION, ",", "A hash value must be followed by a comma");
                if (stream.test(Type.PUNCTUATION, "}")) {
                    break;
                }
            }
            first = false;
            Expr key;
            Token t;
            if (stream.test(Type.OPERATOR, "...")) {
                keys.add(null);
                values.add(parseElement());
                continue;
            }
            if ((t = stream.nextIf(Type.NAME)) != null) {
                key = new Const(t.text(), t.line());
                if (stream.test(Type.PUNCTUATION, ",") || stream.test(Type.PUNCTUATION, "}")) {
                    keys.add(key);
                    values.add(new Name(t.text(), t.line()));
                    continue;
                }
            } else if ((t = stream.nextIf(Type.STRING)) != null || (t = stream.nextIf(Type.NUMBER)) != null) {
                key = new Const(t.value(), t.line());
            } else if (stream.test(Type.PUNCTUATION, "(")) {
                key = parseExpression();
            } else {
                Token c = stream.current();
                throw new TwigSyntaxError("A hash key must be a quoted string, a number, a name, or an expression "
                        + "enclosed in parentheses (unexpected token \"" + c.type().english + "\" of value \""
                        + c.text() + "\".", c.line());
            }
            stream.expect(Type.PUNCTUATION, ":", "A hash key must be followed by a colon (:)");
            keys.add(key);
            values.add(parseExpression());
        }
        stream.expect(Type.PUNCTUATION, "}", "An opened hash is not properly closed");
        return new ArrayLit(keys, values, line);
    }

    /** An element of an array or hash literal, possibly spread ({@code ...items}). */
    private Expr parseElement() throws TwigSyntaxError {
        Token spread = stream.nextIf(Type.OPERATOR, "...");
        Expr value = parseExpression();
        return spread != null ? new Node.Spread(value, spread.line()) : value;
    }

    private Expr parsePostfix(Expr node) throws TwigSyntaxError {
        while (true) {
            Token token = stream.current();
            if (token.type() != Type.PUNCTUATION) {
                return node;
            }
            switch (token.text()) {
                case "." , "[" -> node = parseSubscript(node);
                case "|" -> {
                    stream.next();
                    node = parseFilterChain(node);
                }
                default -> {
                    return node;
                }
            }
        }
    }

    private Expr parseFunction(String name, int line) throws TwigSyntaxError {
        String refusal = Builtins.REFUSED_FUNCTIONS.get(name);
        if (refusal != null) {
            throw new TwigSyntaxError("The \"" + name + "\" function is not supported in automation templates ("
                    + refusal + ").", line);
        }
        if ("attribute".equals(name)) {
            List<Arg> args = parseArguments(false, false);
            if (args.size() < 2) {
                throw new TwigSyntaxError("The \"attribute\" function takes at least two arguments (the variable and "
                        + "the attributes).", line);
            }
            List<Expr> methodArgs = args.size() > 2 ? List.of(args.get(2).value()) : List.of();
            return new GetAttr(args.get(0).value(), args.get(1).value(), methodArgs, CallType.ANY, false, line);
        }
        List<Arg> args = parseArguments(true, false);
        Builtins.Callable function = builtins.function(name);
        if (function == null) {
            throw new TwigSyntaxError(Suggestions.append("Unknown \"" + name + "\" function.", name,
                    builtins.functionNames()), line);
        }
        return new Function(name, function.bind(args, "function", line), line);
    }

    private Expr parseSubscript(Expr node) throws TwigSyntaxError {
        Token token = stream.next();
        int line = token.line();
        if (".".equals(token.text())) {
            Token t = stream.next();
            if (t.type() == Type.NAME || t.type() == Type.NUMBER
                    || (t.type() == Type.OPERATOR && Lexer.isNameStart(t.text().charAt(0)))) {
                Const attribute = new Const(t.value(), line);
                if (stream.test(Type.PUNCTUATION, "(")) {
                    List<Expr> args = new ArrayList<>();
                    for (Arg a : parseArguments(false, false)) {
                        args.add(a.value());
                    }
                    return new GetAttr(node, attribute, args, CallType.METHOD, false, line);
                }
                return new GetAttr(node, attribute, List.of(), CallType.ANY, false, line);
            }
            throw new TwigSyntaxError("Expected name or number, got value \"" + t.text() + "\" of type "
                    + t.type().english + ".", line);
        }
        boolean slice = false;
        Expr start;
        if (stream.test(Type.PUNCTUATION, ":")) {
            slice = true;
            start = new Const(0L, line);
        } else {
            start = parseExpression();
        }
        if (stream.nextIf(Type.PUNCTUATION, ":") != null) {
            slice = true;
        }
        if (slice) {
            Expr length = stream.test(Type.PUNCTUATION, "]") ? new Const(null, line) : parseExpression();
            stream.expect(Type.PUNCTUATION, "]", null);
            List<Arg> args = List.of(new Arg(null, start), new Arg(null, length));
            return new Filter(node, "slice", builtins.filter("slice").bind(args, "filter", line), line);
        }
        stream.expect(Type.PUNCTUATION, "]", null);
        return new GetAttr(node, start, List.of(), CallType.ARRAY, false, line);
    }

    /** The filters after a "|" (or after "apply"): {@code name(args)|name2...}. */
    Expr parseFilterChain(Expr node) throws TwigSyntaxError {
        while (true) {
            Token name = stream.expect(Type.NAME);
            List<Arg> args = stream.test(Type.PUNCTUATION, "(") ? parseArguments(true, true) : List.of();
            Builtins.Callable filter = builtins.filter(name.text());
            if (filter == null) {
                throw new TwigSyntaxError(Suggestions.append("Unknown \"" + name.text() + "\" filter.", name.text(),
                        builtins.filterNames()), name.line());
            }
            node = new Filter(node, name.text(), filter.bind(args, "filter", name.line()), name.line());
            if (!stream.test(Type.PUNCTUATION, "|")) {
                return node;
            }
            stream.next();
        }
    }

    private List<Arg> parseArguments(boolean named, boolean allowArrow) throws TwigSyntaxError {
        List<Arg> args = new ArrayList<>();
        stream.expect(Type.PUNCTUATION, "(", "A list of arguments must begin with an opening parenthesis");
        while (!stream.test(Type.PUNCTUATION, ")")) {
            if (!args.isEmpty()) {
                stream.expect(Type.PUNCTUATION, ",", "Arguments must be separated by a comma");
                if (stream.test(Type.PUNCTUATION, ")")) {
                    break;
                }
            }
            Expr value = parseExpression(0, allowArrow);
            String name = null;
            Token eq;
            if (named && (eq = stream.nextIf(Type.OPERATOR, "=")) != null) {
                if (!(value instanceof Name n)) {
                    throw new TwigSyntaxError("A parameter name must be a string, \"" + phpClassOf(value)
                            + "\" given.", eq.line());
                }
                name = n.name();
                value = parseExpression(0, allowArrow);
                int existing = indexOfNamed(args, name);
                if (existing >= 0) {
                    args.set(existing, new Arg(name, value));
                    continue;
                }
            }
            args.add(new Arg(name, value));
        }
        stream.expect(Type.PUNCTUATION, ")", "A list of arguments must be closed by a parenthesis");
        return args;
    }

    private static int indexOfNamed(List<Arg> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (name.equals(args.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    private static String phpClassOf(Expr e) {
        String simple = switch (e) {
            case Const c -> "ConstantExpression";
            case GetAttr g -> "GetAttrExpression";
            case Filter f -> "FilterExpression";
            case Function f -> "FunctionExpression";
            case ArrayLit a -> "ArrayExpression";
            default -> "AbstractExpression";
        };
        return "Twig\\Node\\Expression\\" + simple;
    }

    List<String> parseAssignmentTargets() throws TwigSyntaxError {
        List<String> targets = new ArrayList<>();
        do {
            Token token = stream.current();
            if (token.type() == Type.OPERATOR && Lexer.isNameStart(token.text().charAt(0))) {
                stream.next();
            } else {
                stream.expect(Type.NAME, null, "Only variables can be assigned to");
            }
            String name = token.text();
            if (List.of("true", "false", "none", "null").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new TwigSyntaxError("You cannot assign a value to \"" + name + "\".", token.line());
            }
            targets.add(name);
        } while (stream.nextIf(Type.PUNCTUATION, ",") != null);
        return targets;
    }

    private Expr parseTestExpression(Expr node) throws TwigSyntaxError {
        Token nameToken = stream.expect(Type.NAME);
        String name = nameToken.text();
        if (!Builtins.TESTS.contains(name) && !Builtins.REFUSED_TESTS.containsKey(name)
                && stream.test(Type.NAME)) {
            String twoWords = name + " " + stream.current().text();
            if (Builtins.TESTS.contains(twoWords)) {
                stream.next();
                name = twoWords;
            } else {
                name = twoWords;
            }
        }
        String refusal = Builtins.REFUSED_TESTS.get(name);
        if (refusal != null) {
            throw new TwigSyntaxError("The \"" + name + "\" test is not supported in automation templates ("
                    + refusal + ").", node.line());
        }
        if (!Builtins.TESTS.contains(name)) {
            throw new TwigSyntaxError(Suggestions.append("Unknown \"" + name + "\" test.", name, Builtins.TESTS),
                    node.line());
        }
        List<Arg> args = List.of();
        if (stream.test(Type.PUNCTUATION, "(")) {
            args = parseArguments(true, false);
        } else if ("same as".equals(name) || "divisible by".equals(name)) {
            args = List.of(new Arg(null, parsePrimaryExpression()));
        }
        if ("defined".equals(name)) {
            node = checkDefinable(node);
        }
        return new Test(node, name, args, stream.current().line());
    }

    /** Twig's DefinedTest accepts only names, attributes and constants (also the left side of "??"). */
    private static Expr checkDefinable(Expr node) throws TwigSyntaxError {
        if (node instanceof Name || node instanceof GetAttr || node instanceof Const || node instanceof ArrayLit) {
            return node;
        }
        throw new TwigSyntaxError("The \"defined\" test only works with simple variables.", node.line());
    }
}

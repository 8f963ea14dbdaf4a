package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Php;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symfony ExpressionLanguage 8.0's precedence-climbing parser, with one addition: an explicit nesting counter (the
 * recursion of the descent plus the levels that the operator, postfix and conditional loops stack) and a final check
 * of the tree's depth, so a hostile expression ends in a syntax error, never in a StackOverflowError.
 */
final class Parser {

    private record Operator(int precedence, boolean rightAssociative) {
    }

    private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 500, "+", 500, "~", 500);

    private static final Map<String, Operator> BINARY = Map.ofEntries(
            Map.entry("or", new Operator(10, false)), Map.entry("||", new Operator(10, false)),
            Map.entry("xor", new Operator(12, false)),
            Map.entry("and", new Operator(15, false)), Map.entry("&&", new Operator(15, false)),
            Map.entry("|", new Operator(16, false)), Map.entry("^", new Operator(17, false)),
            Map.entry("&", new Operator(18, false)),
            Map.entry("==", new Operator(20, false)), Map.entry("===", new Operator(20, false)),
            Map.entry("!=", new Operator(20, false)), Map.entry("!==", new Operator(20, false)),
            Map.entry("<", new Operator(20, false)), Map.entry(">", new Operator(20, false)),
            Map.entry(">=", new Operator(20, false)), Map.entry("<=", new Operator(20, false)),
            Map.entry("not in", new Operator(20, false)), Map.entry("in", new Operator(20, false)),
            Map.entry("contains", new Operator(20, false)), Map.entry("starts with", new Operator(20, false)),
            Map.entry("ends with", new Operator(20, false)), Map.entry("matches", new Operator(20, false)),
            Map.entry("..", new Operator(25, false)), Map.entry("<<", new Operator(25, false)),
            Map.entry(">>", new Operator(25, false)),
            Map.entry("+", new Operator(30, false)), Map.entry("-", new Operator(30, false)),
            Map.entry("~", new Operator(40, false)),
            Map.entry("*", new Operator(60, false)), Map.entry("/", new Operator(60, false)),
            Map.entry("%", new Operator(60, false)),
            Map.entry("**", new Operator(200, true)));

    private final List<Token> tokens;
    private final String expression;
    private final Collection<String> names;
    private final Set<String> functions;
    private final int maxNesting;
    private int position;
    private Token current;
    private int nesting;

    /**
     * @param expression the normalized expression (for messages)
     * @param names the allowed variable names, in the order "Did you mean" proposals are tried (Symfony sorts them)
     * @param functions the registered function names, in registration order
     */
    private Parser(List<Token> tokens, String expression, Collection<String> names, Set<String> functions,
            int maxNesting) {
        this.tokens = tokens;
        this.expression = expression;
        this.names = names;
        this.functions = functions;
        this.maxNesting = maxNesting;
        this.current = tokens.get(0);
    }

    static Node parse(List<Token> tokens, String expression, Collection<String> names, Set<String> functions,
            int maxNesting) throws ExpressionSyntaxError {
        Parser parser = new Parser(tokens, expression, names, functions, maxNesting);
        Node node = parser.parseExpression(0);
        if (parser.current.type() != Token.Type.EOF) {
            throw parser.error("Unexpected token \"" + parser.current.type().label + "\" of value \""
                    + Php.toStr(parser.current.value()) + "\".", parser.current.cursor());
        }
        parser.checkDepth(node);
        return node;
    }

    private Node parseExpression(int precedence) throws ExpressionSyntaxError {
        int saved = nesting;
        enterNesting();
        try {
            Node expr = getPrimary();
            Token token = current;
            Operator op;
            while (token.test(Token.Type.OPERATOR) && (op = BINARY.get((String) token.value())) != null
                    && op.precedence() >= precedence) {
                enterNesting();
                next();
                Node right = parseExpression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
                expr = new Node.Binary((String) token.value(), expr, right);
                token = current;
            }
            if (precedence == 0) {
                nesting = saved + 1;
                return parseConditionalExpression(expr);
            }
            return expr;
        } finally {
            nesting = saved;
        }
    }

    private Node getPrimary() throws ExpressionSyntaxError {
        Token token = current;
        Integer unary;
        if (token.test(Token.Type.OPERATOR) && (unary = UNARY.get((String) token.value())) != null) {
            next();
            Node operand = parseExpression(unary);
            return parsePostfixExpression(new Node.Unary((String) token.value(), operand));
        }
        if (token.test(Token.Type.PUNCTUATION, "(")) {
            next();
            Node expr = parseExpression(0);
            expect(Token.Type.PUNCTUATION, ")", "An opened parenthesis is not properly closed");
            return parsePostfixExpression(expr);
        }
        return parsePrimaryExpression();
    }

    private Node parseConditionalExpression(Node expr) throws ExpressionSyntaxError {
        while (current.test(Token.Type.PUNCTUATION, "??")) {
            enterNesting();
            next();
            expr = new Node.NullCoalesce(expr, parseExpression(0));
        }
        while (current.test(Token.Type.PUNCTUATION, "?")) {
            enterNesting();
            next();
            Node whenTrue;
            Node whenFalse;
            if (!current.test(Token.Type.PUNCTUATION, ":")) {
                whenTrue = parseExpression(0);
                if (current.test(Token.Type.PUNCTUATION, ":")) {
                    next();
                    whenFalse = parseExpression(0);
                } else {
                    whenFalse = new Node.Constant(null);
                }
            } else {
                next();
                whenTrue = expr;
                whenFalse = parseExpression(0);
            }
            expr = new Node.Conditional(expr, whenTrue, whenFalse);
        }
        return expr;
    }

    private Node parsePrimaryExpression() throws ExpressionSyntaxError {
        Token token = current;
        Node node;
        switch (token.type()) {
            case NAME -> {
                next();
                String name = (String) token.value();
                switch (name) {
                    case "true", "TRUE" -> {
                        return new Node.Constant(true);
                    }
                    case "false", "FALSE" -> {
                        return new Node.Constant(false);
                    }
                    case "null", "NULL" -> {
                        return new Node.Constant(null);
                    }
                    default -> {
                        if ("(".equals(current.value())) {
                            if (!functions.contains(name)) {
                                throw new ExpressionSyntaxError("The function \"" + name + "\" does not exist.",
                                        token.cursor(), expression, name, functions);
                            }
                            node = new Node.FunctionCall(name, parseArguments());
                        } else {
                            if (!names.contains(name)) {
                                if (current.test(Token.Type.PUNCTUATION, "??")) {
                                    return new Node.NullCoalescedName(name);
                                }
                                throw new ExpressionSyntaxError("Variable \"" + name + "\" is not valid.",
                                        token.cursor(), expression, name, names);
                            }
                            node = new Node.Name(name);
                        }
                    }
                }
            }
            case NUMBER, STRING -> {
                next();
                return new Node.Constant(token.value());
            }
            default -> {
                if (token.test(Token.Type.PUNCTUATION, "[")) {
                    node = parseArrayExpression();
                } else if (token.test(Token.Type.PUNCTUATION, "{")) {
                    node = parseHashExpression();
                } else {
                    throw error("Unexpected token \"" + token.type().label + "\" of value \""
                            + Php.toStr(token.value()) + "\".", token.cursor());
                }
            }
        }
        return parsePostfixExpression(node);
    }

    private Node parseArrayExpression() throws ExpressionSyntaxError {
        expect(Token.Type.PUNCTUATION, "[", "An array element was expected");
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        boolean first = true;
        while (!current.test(Token.Type.PUNCTUATION, "]")) {
            if (!first) {
                expect(Token.Type.PUNCTUATION, ",", "An array element must be followed by a comma");
                if (current.test(Token.Type.PUNCTUATION, "]")) {
                    break;
                }
            }
            first = false;
            values.add(parseExpression(0));
            keys.add(new Node.Constant((long) keys.size()));
        }
        expect(Token.Type.PUNCTUATION, "]", "An opened array is not properly closed");
        return new Node.ArrayLiteral(keys, values);
    }

    private Node parseHashExpression() throws ExpressionSyntaxError {
        expect(Token.Type.PUNCTUATION, "{", "A hash element was expected");
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        boolean first = true;
        while (!current.test(Token.Type.PUNCTUATION, "}")) {
            if (!first) {
                expect(Token.Type.PUNCTUATION, ",", "A hash value must be followed by a comma");
                if (current.test(Token.Type.PUNCTUATION, "}")) {
                    break;
                }
            }
            first = false;
            Node key;
            if (current.test(Token.Type.STRING) || current.test(Token.Type.NAME) || current.test(Token.Type.NUMBER)) {
                key = new Node.Constant(current.value());
                next();
            } else if (current.test(Token.Type.PUNCTUATION, "(")) {
                key = parseExpression(0);
            } else {
                throw error("A hash key must be a quoted string, a number, a name, or an expression enclosed in"
                        + " parentheses (unexpected token \"" + current.type().label + "\" of value \""
                        + Php.toStr(current.value()) + "\".", current.cursor());
            }
            expect(Token.Type.PUNCTUATION, ":", "A hash key must be followed by a colon (:)");
            values.add(parseExpression(0));
            keys.add(key);
        }
        expect(Token.Type.PUNCTUATION, "}", "An opened hash is not properly closed");
        return new Node.ArrayLiteral(keys, values);
    }

    private Node parsePostfixExpression(Node node) throws ExpressionSyntaxError {
        Token token = current;
        while (token.type() == Token.Type.PUNCTUATION) {
            if (".".equals(token.value()) || "?.".equals(token.value())) {
                enterNesting();
                boolean nullSafe = "?.".equals(token.value());
                next();
                token = current;
                next();
                // Operators made of name characters ("not", "matches"...) are valid property and method names
                if (token.type() != Token.Type.NAME && (token.type() != Token.Type.OPERATOR
                        || !isNameStart(((String) token.value()).charAt(0)))) {
                    throw error("Expected name.", token.cursor());
                }
                Node.Constant attribute = new Node.Constant(token.value());
                if (current.test(Token.Type.PUNCTUATION, "(")) {
                    node = new Node.GetAttr(node, attribute, parseArguments(), Node.GetAttr.Kind.METHOD, nullSafe);
                } else {
                    node = new Node.GetAttr(node, attribute, List.of(), Node.GetAttr.Kind.PROPERTY, nullSafe);
                }
            } else if ("[".equals(token.value())) {
                enterNesting();
                next();
                Node key = parseExpression(0);
                expect(Token.Type.PUNCTUATION, "]", null);
                node = new Node.GetAttr(node, key, List.of(), Node.GetAttr.Kind.ARRAY, false);
            } else {
                break;
            }
            token = current;
        }
        return node;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x7f;
    }

    private List<Node> parseArguments() throws ExpressionSyntaxError {
        List<Node> arguments = new ArrayList<>();
        expect(Token.Type.PUNCTUATION, "(", "A list of arguments must begin with an opening parenthesis");
        while (!current.test(Token.Type.PUNCTUATION, ")")) {
            if (!arguments.isEmpty()) {
                expect(Token.Type.PUNCTUATION, ",", "Arguments must be separated by a comma");
            }
            arguments.add(parseExpression(0));
        }
        expect(Token.Type.PUNCTUATION, ")", "A list of arguments must be closed by a parenthesis");
        return arguments;
    }

    private void next() throws ExpressionSyntaxError {
        if (position + 1 >= tokens.size()) {
            throw error("Unexpected end of expression.", current.cursor());
        }
        current = tokens.get(++position);
    }

    private void expect(Token.Type type, String value, String message) throws ExpressionSyntaxError {
        Token token = current;
        if (!token.test(type, value)) {
            throw error((message != null ? message + ". " : "") + "Unexpected token \"" + token.type().label
                    + "\" of value \"" + Php.toStr(token.value()) + "\" (\"" + type.label + "\" expected with value \""
                    + value + "\").", token.cursor());
        }
        next();
    }

    private ExpressionSyntaxError error(String message, int cursor) {
        return new ExpressionSyntaxError(message, cursor, expression);
    }

    private void enterNesting() throws ExpressionSyntaxError {
        if (++nesting > maxNesting) {
            throw tooDeep();
        }
    }

    private ExpressionSyntaxError tooDeep() {
        // The wording of the bound Symfony added after 8.0 (symfony/symfony#65690), with our limit
        return error("Expression is nested too deeply, the maximum nesting level is " + maxNesting, current.cursor());
    }

    /** The depth of the finished tree, walked without recursion: the loops above may stack more than they count. */
    private void checkDepth(Node root) throws ExpressionSyntaxError {
        Deque<Object[]> pending = new ArrayDeque<>();
        pending.push(new Object[] {root, 1});
        while (!pending.isEmpty()) {
            Object[] item = pending.pop();
            int depth = (Integer) item[1];
            if (depth > maxNesting) {
                throw tooDeep();
            }
            for (Node child : ((Node) item[0]).children()) {
                pending.push(new Object[] {child, depth + 1});
            }
        }
    }
}

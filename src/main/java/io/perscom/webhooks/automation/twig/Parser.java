package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.twig.Node.Body;
import io.perscom.webhooks.automation.twig.Node.Do;
import io.perscom.webhooks.automation.twig.Node.Expr;
import io.perscom.webhooks.automation.twig.Node.For;
import io.perscom.webhooks.automation.twig.Node.If;
import io.perscom.webhooks.automation.twig.Node.Name;
import io.perscom.webhooks.automation.twig.Node.Print;
import io.perscom.webhooks.automation.twig.Node.Set;
import io.perscom.webhooks.automation.twig.Node.Stmt;
import io.perscom.webhooks.automation.twig.Node.Text;
import io.perscom.webhooks.automation.twig.Node.With;
import io.perscom.webhooks.automation.twig.Token.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Twig's Parser and core token parsers (if, for, set, apply, autoescape, with, do) producing {@link Node}s. */
final class Parser {
    /** Core tags that exist in Twig but that automation templates refuse, with the reason. */
    static final java.util.Map<String, String> REFUSED_TAGS = java.util.Map.ofEntries(
            java.util.Map.entry("include", "templates cannot load other templates"),
            java.util.Map.entry("embed", "templates cannot load other templates"),
            java.util.Map.entry("extends", "templates cannot load other templates"),
            java.util.Map.entry("import", "macros and other templates are not available"),
            java.util.Map.entry("from", "macros and other templates are not available"),
            java.util.Map.entry("macro", "macros are not available"),
            java.util.Map.entry("use", "templates cannot load other templates"),
            java.util.Map.entry("block", "blocks are not available"),
            java.util.Map.entry("sandbox", "templates cannot load other templates"),
            java.util.Map.entry("deprecated", "it only makes sense for template libraries"),
            java.util.Map.entry("flush", "output is not streamed"));
    static final List<String> TAGS =
            List.of("apply", "autoescape", "do", "for", "if", "set", "with", "types", "verbatim");

    private final TokenStream stream;
    private final ExpressionParser expressions;
    private final Deque<String> escapeStack = new ArrayDeque<>();
    private final int maxDepth;
    private int depth;
    private int varNameSalt;

    Parser(List<Token> tokens, Builtins builtins, boolean autoescape, int maxDepth) {
        this.stream = new TokenStream(tokens);
        this.maxDepth = maxDepth;
        this.expressions = new ExpressionParser(this, stream, builtins);
        escapeStack.push(autoescape ? "html" : "");
    }

    Body parse() throws TwigSyntaxError {
        Body body = subparse(null, false);
        NestingCheck.check(body, maxDepth);
        return body;
    }

    void enter(int line) throws TwigSyntaxError {
        if (++depth > maxDepth) {
            throw tooDeep(line, maxDepth);
        }
    }

    void exit() {
        depth--;
    }

    static TwigSyntaxError tooDeep(int line, int max) {
        return new TwigSyntaxError("The template is too deeply nested (more than " + max + " levels).", line);
    }

    private String strategy() {
        String s = escapeStack.peek();
        return s == null || s.isEmpty() ? null : s;
    }

    Body subparse(EndTags end, boolean dropNeedle) throws TwigSyntaxError {
        int line = stream.current().line();
        enter(line);
        List<Stmt> out = new ArrayList<>();
        while (!stream.isEof()) {
            Token token = stream.current();
            switch (token.type()) {
                case TEXT -> {
                    stream.next();
                    out.add(new Text(token.text(), token.line()));
                }
                case VAR_START -> {
                    stream.next();
                    Expr expr = expressions.parseExpression();
                    stream.expect(Type.VAR_END);
                    out.add(new Print(expr, strategy(), token.line()));
                }
                case BLOCK_START -> {
                    stream.next();
                    Token tag = stream.current();
                    if (tag.type() != Type.NAME) {
                        throw new TwigSyntaxError("A block must start with a tag name.", tag.line());
                    }
                    if (end != null && end.test(tag)) {
                        if (dropNeedle) {
                            stream.next();
                        }
                        exit();
                        return new Body(out, line);
                    }
                    out.addAll(parseTag(tag, end, line));
                }
                default -> throw new TwigSyntaxError("Lexer or parser ended up in unsupported state.", token.line());
            }
        }
        exit();
        return new Body(out, line);
    }

    private List<Stmt> parseTag(Token tag, EndTags end, int bodyLine) throws TwigSyntaxError {
        String name = tag.text();
        String refusal = REFUSED_TAGS.get(name);
        if (refusal != null) {
            throw new TwigSyntaxError("The \"" + name + "\" tag is not supported in automation templates ("
                    + refusal + ").", tag.line());
        }
        if (!TAGS.contains(name) || "verbatim".equals(name)) {
            if (end != null) {
                throw new TwigSyntaxError("Unexpected \"" + name + "\" tag (expecting closing tag for the \""
                        + end.openTag() + "\" tag defined near line " + bodyLine + ").", tag.line());
            }
            throw new TwigSyntaxError(Suggestions.append("Unknown \"" + name + "\" tag.", name, TAGS), tag.line());
        }
        stream.next();
        return switch (name) {
            case "if" -> List.of(parseIf(tag));
            case "for" -> List.of(parseFor(tag));
            case "set" -> List.of(parseSet(tag));
            case "apply" -> parseApply(tag);
            case "autoescape" -> List.of(parseAutoescape());
            case "with" -> List.of(parseWith(tag));
            case "types" -> parseTypes();
            default -> List.of(parseDo(tag));
        };
    }

    /** The tags that end the body of the tag {@code openTag}. */
    private record EndTags(String openTag, List<String> names) {
        boolean test(Token t) {
            return t.type() == Type.NAME && names.contains(t.text());
        }
    }

    private static EndTags tags(String openTag, String... names) {
        return new EndTags(openTag, List.of(names));
    }

    private Stmt parseIf(Token tag) throws TwigSyntaxError {
        List<Expr> conditions = new ArrayList<>();
        List<Body> bodies = new ArrayList<>();
        Body elseBody = null;
        conditions.add(expressions.parseExpression());
        stream.expect(Type.BLOCK_END);
        bodies.add(subparse(tags("if", "elseif", "else", "endif"), false));
        boolean end = false;
        while (!end) {
            Token t = stream.next();
            switch (t.text()) {
                case "else" -> {
                    stream.expect(Type.BLOCK_END);
                    elseBody = subparse(tags("if", "endif"), false);
                }
                case "elseif" -> {
                    conditions.add(expressions.parseExpression());
                    stream.expect(Type.BLOCK_END);
                    bodies.add(subparse(tags("if", "elseif", "else", "endif"), false));
                }
                case "endif" -> end = true;
                default -> throw new TwigSyntaxError("Unexpected end of template. Twig was looking for the following "
                        + "tags \"else\", \"elseif\", or \"endif\" to close the \"if\" block started at line "
                        + tag.line() + ").", t.line());
            }
        }
        stream.expect(Type.BLOCK_END);
        return new If(conditions, bodies, elseBody, tag.line());
    }

    private Stmt parseFor(Token tag) throws TwigSyntaxError {
        List<String> targets = expressions.parseAssignmentTargets();
        stream.expect(Type.OPERATOR, "in", null);
        Expr sequence = expressions.parseExpression();
        stream.expect(Type.BLOCK_END);
        Body body = subparse(tags("for", "else", "endfor"), false);
        Body elseBody = null;
        if ("else".equals(stream.next().text())) {
            stream.expect(Type.BLOCK_END);
            elseBody = subparse(tags("for", "endfor"), true);
        }
        stream.expect(Type.BLOCK_END);
        String key = targets.size() > 1 ? targets.get(0) : "_key";
        String value = targets.size() > 1 ? targets.get(1) : targets.get(0);
        return new For(key, value, sequence, body, elseBody, tag.line());
    }

    private Stmt parseSet(Token tag) throws TwigSyntaxError {
        List<String> names = expressions.parseAssignmentTargets();
        if (stream.nextIf(Type.OPERATOR, "=") != null) {
            List<Expr> values = new ArrayList<>();
            do {
                values.add(expressions.parseExpression());
            } while (stream.nextIf(Type.PUNCTUATION, ",") != null);
            stream.expect(Type.BLOCK_END);
            if (names.size() != values.size()) {
                throw new TwigSyntaxError("When using set, you must have the same number of variables and assignments.",
                        stream.current().line());
            }
            return new Set(names, values, null, tag.line());
        }
        if (names.size() > 1) {
            throw new TwigSyntaxError("When using set with a block, you cannot have a multi-target.",
                    stream.current().line());
        }
        stream.expect(Type.BLOCK_END);
        Body capture = subparse(tags("set", "endset"), true);
        stream.expect(Type.BLOCK_END);
        return new Set(names, null, capture, tag.line());
    }

    /** Like Twig: capture the body into a hidden variable, then print the filters applied to it. */
    private List<Stmt> parseApply(Token tag) throws TwigSyntaxError {
        String ref = "\0apply" + varNameSalt++;
        Expr filtered = expressions.parseFilterChain(new Name(ref, tag.line()));
        stream.expect(Type.BLOCK_END);
        Body body = subparse(tags("apply", "endapply"), true);
        stream.expect(Type.BLOCK_END);
        return List.of(new Set(List.of(ref), null, body, tag.line()), new Print(filtered, strategy(), tag.line()));
    }

    private Stmt parseAutoescape() throws TwigSyntaxError {
        String value;
        if (stream.test(Type.BLOCK_END)) {
            value = "html";
        } else {
            Expr expr = expressions.parseExpression();
            if (!(expr instanceof Node.Const c)) {
                throw new TwigSyntaxError("An escaping strategy must be a string or false.", stream.current().line());
            }
            Object v = c.value();
            value = Boolean.FALSE.equals(v) || v == null ? "" : Boolean.TRUE.equals(v) ? "html" : Values.str(v);
        }
        stream.expect(Type.BLOCK_END);
        escapeStack.push(value);
        Body body = subparse(tags("autoescape", "endautoescape"), true);
        escapeStack.pop();
        stream.expect(Type.BLOCK_END);
        return body;
    }

    private Stmt parseWith(Token tag) throws TwigSyntaxError {
        Expr variables = null;
        boolean only = false;
        if (!stream.test(Type.BLOCK_END)) {
            variables = expressions.parseExpression();
            only = stream.nextIf(Type.NAME, "only") != null;
        }
        stream.expect(Type.BLOCK_END);
        Body body = subparse(tags("with", "endwith"), true);
        stream.expect(Type.BLOCK_END);
        return new With(variables, only, body, tag.line());
    }

    /** Twig 3.13+ {@code {% types {name: 'string', other?: 'int'} %}}: declarations for tools, nothing at run time. */
    private List<Stmt> parseTypes() throws TwigSyntaxError {
        stream.expect(Type.PUNCTUATION, "{", null);
        while (!stream.test(Type.PUNCTUATION, "}")) {
            stream.expect(Type.NAME);
            stream.nextIf(Type.PUNCTUATION, "?");
            stream.expect(Type.PUNCTUATION, ":", null);
            stream.expect(Type.STRING);
            if (stream.nextIf(Type.PUNCTUATION, ",") == null) {
                break;
            }
        }
        stream.expect(Type.PUNCTUATION, "}", null);
        stream.expect(Type.BLOCK_END);
        return List.of();
    }

    private Stmt parseDo(Token tag) throws TwigSyntaxError {
        Expr expr = expressions.parseExpression();
        stream.expect(Type.BLOCK_END);
        return new Do(expr, tag.line());
    }
}

package io.perscom.webhooks.automation.twig;

import io.perscom.webhooks.automation.twig.Token.Type;
import java.util.List;

/** Cursor over the lexer's tokens with Twig's TokenStream error messages. */
final class TokenStream {
    private final List<Token> tokens;
    private int current;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token current() {
        return tokens.get(current);
    }

    Token look(int offset) {
        int i = current + offset;
        return i >= 0 && i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    Token next() throws TwigSyntaxError {
        if (current + 1 >= tokens.size()) {
            throw new TwigSyntaxError("Unexpected end of template.", tokens.get(current).line());
        }
        return tokens.get(current++);
    }

    boolean isEof() {
        return current().type() == Type.EOF;
    }

    boolean test(Type type) {
        return current().test(type);
    }

    boolean test(Type type, String value) {
        return current().test(type, value);
    }

    Token nextIf(Type type) throws TwigSyntaxError {
        return test(type) ? next() : null;
    }

    Token nextIf(Type type, String value) throws TwigSyntaxError {
        return test(type, value) ? next() : null;
    }

    Token expect(Type type) throws TwigSyntaxError {
        return expect(type, null, null);
    }

    Token expect(Type type, String value, String message) throws TwigSyntaxError {
        Token token = current();
        if (value == null ? !token.test(type) : !token.test(type, value)) {
            String tokenValue = token.text();
            boolean hasValue = !tokenValue.isEmpty() && !"0".equals(tokenValue);
            throw new TwigSyntaxError((message != null ? message + ". " : "")
                    + "Unexpected token \"" + token.type().english + "\""
                    + (hasValue ? " of value \"" + tokenValue + "\"" : "")
                    + " (\"" + type.english + "\" expected" + (value != null ? " with value \"" + value + "\"" : "")
                    + ").", token.line());
        }
        next();
        return token;
    }
}

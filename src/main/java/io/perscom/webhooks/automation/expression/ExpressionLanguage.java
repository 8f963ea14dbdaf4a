package io.perscom.webhooks.automation.expression;

import io.perscom.webhooks.automation.php.Budget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symfony ExpressionLanguage 8.0 (the version PERSCOM runs): parse once, evaluate many times. Thread-safe.
 *
 * <p>The built-in functions of Symfony ({@code constant}, {@code min}, {@code max}, {@code enum}) come first; the
 * given functions are added after them in their iteration order, replacing a built-in of the same name, as
 * Symfony's {@code register()} does.
 */
public final class ExpressionLanguage {

    private static final int CACHE_SIZE = 1024;

    private final Map<String, ExpressionFunction> functions;
    private final int maxNesting;
    private record CacheKey(String source, List<String> names) {
    }

    private final Map<CacheKey, ParsedExpression> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CacheKey, ParsedExpression> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public ExpressionLanguage(Map<String, ExpressionFunction> functions) {
        this(functions, Budget.Limits.DEFAULT_MAX_DEPTH);
    }

    /** @param maxNesting the deepest nesting the parser accepts (a syntax error beyond it) */
    public ExpressionLanguage(Map<String, ExpressionFunction> functions, int maxNesting) {
        Map<String, ExpressionFunction> all = new LinkedHashMap<>(BuiltinFunctions.all());
        all.putAll(functions);
        this.functions = Collections.unmodifiableMap(all);
        this.maxNesting = maxNesting;
    }

    /**
     * Parses {@code source}, allowing the variables {@code names} (as Symfony's {@code parse($expression, $names)}).
     * The result is cached by source and names.
     */
    public ParsedExpression parse(String source, Collection<String> names) throws ExpressionSyntaxError {
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted); // Symfony asort()s the names: "Did you mean" tries them in this order
        CacheKey key = new CacheKey(source, List.copyOf(sorted));
        ParsedExpression cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String expression = Lexer.normalize(source);
        Node root = Parser.parse(Lexer.tokenize(expression), expression, sorted, functions.keySet(), maxNesting);
        ParsedExpression parsed = new ParsedExpression(source, root, functions);
        cache.put(key, parsed);
        return parsed;
    }
}

package io.perscom.webhooks.automation.twig;

import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles Twig 3 templates (configured like PERSCOM's) into {@link TwigTemplate}s; thread-safe. */
public final class TwigEngine {
    private final TwigOptions options;
    private final Builtins builtins = new Builtins();
    private final Map<String, TwigTemplate> cache;

    public TwigEngine(TwigOptions options) {
        this.options = options;
        int size = Math.max(0, options.cacheSize());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TwigTemplate> eldest) {
                return size() > size;
            }
        };
    }

    public TwigEngine() {
        this(TwigOptions.defaults());
    }

    /** Parses {@code source}; a syntax error (or a refused feature) is a {@link TwigSyntaxError}. */
    public TwigTemplate compile(String source) throws TwigSyntaxError {
        synchronized (cache) {
            TwigTemplate cached = cache.get(source);
            if (cached != null) {
                return cached;
            }
        }
        Node.Body body;
        try {
            body = new Parser(Lexer.tokenize(source), builtins, options.autoescape(), options.maxNesting()).parse();
        } catch (StackOverflowError e) {
            // defence in depth: the parser counts its depth, so this should never be reached
            throw Parser.tooDeep(0, options.maxNesting());
        }
        TwigTemplate template = new TwigTemplate(body, builtins, options);
        synchronized (cache) {
            cache.put(source, template);
        }
        return template;
    }
}

package io.perscom.webhooks.automation.twig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perscom.webhooks.automation.php.PhpArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public API: typed single-expression mode, syntax error format, options, caching, context isolation. */
class TwigTemplateApiTest {
    private final TwigEngine engine = new TwigEngine();

    @Test
    void singleExpressionGivesThePhpValueUnescaped() throws TwigSyntaxError {
        PhpArray tags = PhpArray.list(List.of("a", "b"));
        Map<String, Object> context = Map.of("model", PhpArray.ofMap(Map.of("tags", tags, "html", "<b>")));
        assertEquals(Optional.of(tags), engine.compile("  {{ model.tags }}\n").evaluateSingleExpression(context,
                ParityCases.relaxedBudget()));
        assertEquals(Optional.of(6L), engine.compile("{{ 2 * 3 }}").evaluateSingleExpression(Map.of(),
                ParityCases.relaxedBudget()));
        assertEquals(Optional.of("<b>"), engine.compile("{{ model.html }}").evaluateSingleExpression(context,
                ParityCases.relaxedBudget()));
        assertTrue(engine.compile("{{ 1 }}").isSingleExpression());
    }

    @Test
    void moreThanOneExpressionIsNotSingle() throws TwigSyntaxError {
        for (String source : List.of("a{{ 1 }}", "{{ 1 }}{{ 2 }}", "{% set a = 1 %}{{ a }}", "plain")) {
            TwigTemplate t = engine.compile(source);
            assertFalse(t.isSingleExpression(), source);
            assertEquals(Optional.empty(), t.evaluateSingleExpression(Map.of(), ParityCases.relaxedBudget()));
        }
    }

    @Test
    void syntaxErrorsCarryTheLineLikeTwig() {
        TwigSyntaxError e = assertThrows(TwigSyntaxError.class, () -> engine.compile("a\n\n{{ x|nope }}"));
        assertEquals(3, e.line());
        assertEquals("Unknown \"nope\" filter.", e.rawMessage());
        assertEquals("Unknown \"nope\" filter at line 3.", e.getMessage());
    }

    @Test
    void widgetUrlComesFromTheOptions() throws TwigSyntaxError {
        assertEquals("[]", engine.compile("[{{ widgetUrl() }}]").render(Map.of(), ParityCases.relaxedBudget()));
        TwigEngine configured = new TwigEngine(TwigOptions.defaults().withWidgetUrl("https://w.example.test/a?b=1&c"));
        assertEquals("https://w.example.test/a?b=1&amp;c",
                configured.compile("{{ widgetUrl() }}").render(Map.of(), ParityCases.relaxedBudget()));
    }

    @Test
    void autoescapeCanBeTurnedOff() throws TwigSyntaxError {
        TwigEngine raw = new TwigEngine(TwigOptions.defaults().withAutoescape(false));
        assertEquals("<b>", raw.compile("{{ x }}").render(Map.of("x", "<b>"), ParityCases.relaxedBudget()));
    }

    @Test
    void compiledTemplatesAreCachedBySource() throws TwigSyntaxError {
        assertSame(engine.compile("{{ 1 }}"), engine.compile("{{ 1 }}"));
    }

    @Test
    void renderingDoesNotChangeTheCallersContext() throws TwigSyntaxError {
        Map<String, Object> context = new HashMap<>(Map.of("a", 1L));
        assertEquals("2", engine.compile("{% set a = 2 %}{% set b = 3 %}{{ a }}").render(context,
                ParityCases.relaxedBudget()));
        assertEquals(Map.of("a", 1L), context);
    }
}

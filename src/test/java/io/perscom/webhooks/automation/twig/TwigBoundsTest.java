package io.perscom.webhooks.automation.twig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.LimitExceeded;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 13: every bound stops the work with the right LimitExceeded / TwigSyntaxError, and the thread stays usable. */
class TwigBoundsTest {
    private final TwigEngine engine = new TwigEngine();

    private static Budget budget() {
        return new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofSeconds(30)));
    }

    private LimitExceeded limitOf(String template) throws TwigSyntaxError {
        TwigTemplate compiled = engine.compile(template);
        return assertThrows(LimitExceeded.class, () -> compiled.render(Map.of(), budget()));
    }

    @AfterEach
    void threadStillRenders() throws TwigSyntaxError {
        assertEquals("ok 3", engine.compile("ok {{ 1 + 2 }}").render(Map.of(), budget()));
    }

    @Test
    void doublingAStringInInterpolationEndsInOutputLimit() throws TwigSyntaxError {
        String template = "{% set s = 'ab' %}" + "{% set s = \"#{s}#{s}\" %}".repeat(25) + "{{ s|length }}";
        assertEquals("output", limitOf(template).kind());
    }

    @Test
    void doublingWithConcatAndFiltersEndsInOutputLimit() throws TwigSyntaxError {
        assertEquals("output", limitOf("{% set s = 'ab' %}" + "{% set s = s ~ s %}".repeat(25)).kind());
        assertEquals("output", limitOf("{% set s = 'ab' %}"
                + "{% set s = s|replace({'a': 'aa', 'b': 'bb'}) %}".repeat(25)).kind());
        assertEquals("output", limitOf("{% set s = ['ab', 'ab'] %}"
                + "{% set s = [s|join, s|join] %}".repeat(25)).kind());
        assertEquals("output", limitOf("{{ '%999999999s'|format('x') }}").kind());
    }

    @Test
    void outputIsBounded() throws TwigSyntaxError {
        assertEquals("output", limitOf("{% for i in 1..90000 %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}").kind());
    }

    @Test
    void rangesAndArrayBuildersAreBounded() throws TwigSyntaxError {
        assertEquals("collection", limitOf("{{ range(1, 1000000000)|length }}").kind());
        assertEquals("collection", limitOf("{{ (1..1000000000)|length }}").kind());
        assertEquals("collection", limitOf("{{ (1..60000)|merge(1..60000)|length }}").kind());
        assertEquals("collection", limitOf("{{ [1]|batch(1000000000, 'x')|length }}").kind());
        assertEquals("collection", limitOf("{% set s = 'ab'|split('') %}{% for i in 1..20 %}"
                + "{% set s = s|merge(s) %}{% endfor %}").kind());
    }

    @Test
    void worstCaseSubstringSearchStaysLinear() throws TwigSyntaxError {
        // "aaa...ab" in "aaa...a" is quadratic for a naive search; this must finish at once and say "no"
        TwigTemplate t = engine.compile("{{ needle in hay ? 'y' : 'n' }}");
        Map<String, Object> context = Map.of("hay", "a".repeat(1_000_000), "needle", "a".repeat(300_000) + "b");
        assertEquals("n", t.render(context, budget()));
    }

    @Test
    void dateFormatsAreSizeChecked() throws TwigSyntaxError {
        assertEquals("output", limitOf("{{ date(0)|date('" + "r".repeat(40_000) + "') }}").kind());
    }

    @Test
    void loopsAreBoundedBySteps() throws TwigSyntaxError {
        LimitExceeded e = limitOf("{% for i in 1..1000 %}{% for j in 1..1000 %}{% for k in 1..10 %}"
                + "{% endfor %}{% endfor %}{% endfor %}");
        assertEquals("cpu", e.kind());
        assertEquals("cpu", limitOf("{{ (1..50000)|map(x => (1..50)|reduce((c, y) => c + y, 0))|length }}").kind());
    }

    @Test
    void wallClockDeadlineStopsLoops() throws TwigSyntaxError {
        AtomicLong fakeNanos = new AtomicLong();
        Budget budget = new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofMillis(250)),
                () -> fakeNanos.addAndGet(1_000_000));
        TwigTemplate loop = engine.compile("{% for i in 1..10000 %}{{ i }}{% endfor %}");
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> loop.render(Map.of(), budget));
        assertEquals("time", e.kind());
    }

    @Test
    void catastrophicRegexIsStopped() throws TwigSyntaxError {
        LimitExceeded e = limitOf("{{ '" + "a".repeat(40) + "b' matches '/^(?:(a)\\\\1?)+$/' }}");
        assertTrue(e.kind().equals("regex") || e.kind().equals("cpu"), e.kind());
    }

    @Test
    void evaluatorDepthIsBoundedByTheBudget() throws TwigSyntaxError {
        TwigTemplate deep = engine.compile("{{ " + "(".repeat(60) + "1" + ")|abs".repeat(60) + " }}");
        Budget shallow = new Budget(Budget.Limits.defaults().withMaxDepth(30));
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> deep.render(Map.of(), shallow));
        assertEquals("depth", e.kind());
    }

    private void assertTooDeep(String template) {
        TwigSyntaxError e = assertThrows(TwigSyntaxError.class, () -> engine.compile(template));
        assertTrue(e.getMessage().contains("too deeply nested"), e.getMessage());
    }

    @Test
    void parserRejectsDeepNestingWithoutStackOverflow() {
        assertTooDeep("{{ " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " }}");
        assertTooDeep("{{ " + "-".repeat(20_000) + "1 }}");
        assertTooDeep("{{ " + "- ".repeat(20_000) + "1 }}");
        assertTooDeep("{{ " + "not ".repeat(20_000) + "1 }}");
        assertTooDeep("{{ " + "[".repeat(20_000) + "]".repeat(20_000) + " }}");
        assertTooDeep("{{ " + "{a: ".repeat(20_000) + "1" + "}".repeat(20_000) + " }}");
        assertTooDeep("{{ -1" + "|abs".repeat(15_000) + " }}");
        assertTooDeep("{{ 1" + " + 1".repeat(20_000) + " }}");
        assertTooDeep("{{ 2" + " ** 2".repeat(20_000) + " }}");
        assertTooDeep("{{ x" + ".a".repeat(20_000) + " }}");
        assertTooDeep("{{ \"" + "#{\"".repeat(5_000) + "\"}".repeat(5_000) + "\" }}");
        assertTooDeep("{% if true %}".repeat(20_000) + "{% endif %}".repeat(20_000));
        assertTooDeep("{{ [1]" + "|map(x => x)".repeat(15_000) + "|length }}");
    }
}

package io.perscom.webhooks.automation.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.LimitExceeded;
import io.perscom.webhooks.automation.php.PhpArray;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 13: every evaluation is bounded, and each bound really stops the work by throwing. */
class ExpressionBoundsTest {

    private static final ExpressionLanguage LANGUAGE = new ExpressionLanguage(PerscomFunctions.all());
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static Object evaluate(String expression, Map<String, Object> variables, Budget budget)
            throws ExpressionSyntaxError {
        return LANGUAGE.parse(expression, variables.keySet()).evaluate(variables, budget);
    }

    private static Map<String, Object> model(Object... keysAndValues) {
        PhpArray model = new PhpArray();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.of("model", model);
    }

    @Test
    void catastrophicBacktrackingEndsInLimitExceeded() {
        Map<String, Object> variables = model("name", "a".repeat(30) + "b"); // 31 characters
        LimitExceeded stopped = assertTimeoutPreemptively(GUARD, () -> assertThrows(LimitExceeded.class,
                () -> evaluate("model[\"name\"] matches \"/^(.*a){20}$/\"", variables, new Budget())));
        assertTrue(List.of("regex", "cpu", "time").contains(stopped.kind()), stopped.kind());
    }

    @Test
    void concatenationIsRefusedBeforeItsStringIsBuilt() {
        Map<String, Object> variables = model("s", "x".repeat(600_000));
        LimitExceeded stopped = assertThrows(LimitExceeded.class,
                () -> evaluate("model[\"s\"] ~ model[\"s\"]", variables, new Budget()));
        assertEquals("output", stopped.kind());
        Budget small = new Budget(Budget.Limits.defaults().withMaxStringLength(10));
        assertThrows(LimitExceeded.class, () -> evaluate("\"123456\" ~ \"78901\"", Map.of(), small));
        assertEquals("1234567890", assertTimeoutPreemptively(GUARD,
                () -> evaluate("\"123456\" ~ \"7890\"", Map.of(), new Budget(Budget.Limits.defaults()
                        .withMaxStringLength(10))))); // exactly at the bound is allowed
    }

    @Test
    void rangesAreSizeCheckedBeforeAllocation() {
        LimitExceeded huge = assertTimeoutPreemptively(GUARD, () -> assertThrows(LimitExceeded.class,
                () -> evaluate("1..9000000000000000000", Map.of(), new Budget())));
        assertEquals("collection", huge.kind());
        LimitExceeded tooMany = assertThrows(LimitExceeded.class,
                () -> evaluate("0..100000", Map.of(), new Budget())); // 100,001 elements
        assertEquals("collection", tooMany.kind());
        assertThrows(LimitExceeded.class, () -> evaluate("\"a\"..\"z\"", Map.of(),
                new Budget(Budget.Limits.defaults().withMaxCollectionSize(25))));
    }

    @Test
    void stepsAreCountedPerNodeAndPerElement() {
        Budget budget = new Budget(Budget.Limits.defaults().withMaxSteps(1_000));
        LimitExceeded stopped = assertThrows(LimitExceeded.class,
                () -> evaluate("99999 in 0..99999", Map.of(), budget));
        assertEquals("cpu", stopped.kind());
        assertThrows(LimitExceeded.class, () -> evaluate("1" + " + 1".repeat(150), Map.of(),
                new Budget(Budget.Limits.defaults().withMaxSteps(100))));
    }

    @Test
    void theWallClockDeadlineStopsTheEvaluation() {
        AtomicLong now = new AtomicLong();
        // every look at the clock finds one more millisecond gone
        Budget budget = new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofMillis(5)),
                () -> now.addAndGet(1_000_000));
        LimitExceeded stopped = assertThrows(LimitExceeded.class,
                () -> evaluate("99999 in 0..99999", Map.of(), budget));
        assertEquals("time", stopped.kind());
    }

    @Test
    void deepNestingIsASyntaxErrorNeverAStackOverflow() {
        List<String> hostile = List.of(
                "(".repeat(20_000) + "1" + ")".repeat(20_000),
                "- ".repeat(20_000) + "1",
                "not ".repeat(20_000) + "true",
                "[".repeat(20_000) + "]".repeat(20_000),
                "{a: ".repeat(20_000) + "1" + "}".repeat(20_000),
                "1" + " + 1".repeat(20_000),
                "2" + " ** 2".repeat(20_000),
                "model" + ".a".repeat(20_000),
                "model" + "[0]".repeat(20_000),
                "in_array(".repeat(20_000) + "1" + ")".repeat(20_000),
                "null" + " ?? null".repeat(20_000),
                "true" + " ? 1 : true".repeat(20_000) + " ? 1 : 2");
        for (String expression : hostile) {
            ExpressionSyntaxError error = assertTimeoutPreemptively(GUARD, () -> assertThrows(
                    ExpressionSyntaxError.class, () -> LANGUAGE.parse(expression, List.of("model"))));
            assertTrue(error.getMessage().startsWith(
                    "Expression is nested too deeply, the maximum nesting level is 200 around position "),
                    error.getMessage().substring(0, 120));
        }
    }

    @Test
    void nestingBelowTheBoundParsesAndEvaluates() throws ExpressionSyntaxError {
        assertEquals(1L, evaluate("(".repeat(60) + "1" + ")".repeat(60), Map.of(), new Budget()));
        assertEquals(61L, evaluate("1" + " + 1".repeat(60), Map.of(), new Budget()));
    }

    @Test
    void evaluationDepthIsBoundedByTheBudget() {
        Budget shallow = new Budget(Budget.Limits.defaults().withMaxDepth(10));
        LimitExceeded stopped = assertThrows(LimitExceeded.class,
                () -> evaluate("1" + " + 1".repeat(30), Map.of(), shallow));
        assertEquals("depth", stopped.kind());
    }
}

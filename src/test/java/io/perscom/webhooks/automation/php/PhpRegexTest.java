package io.perscom.webhooks.automation.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Behaviour beyond the PHP parity table (which covers translation and matching): bounds and caching. */
class PhpRegexTest {

    /** PHP itself gives up here with "Backtrack limit exhausted"; we must stop too, and quickly. */
    @Test
    void catastrophicBacktrackingStopsWithinTheBudget() {
        PhpRegex regex = PhpRegex.compile("/^(.*a){20}$/");
        String subject = "a".repeat(30) + "b";
        // the step bound (not the clock) must be what stops it
        Budget budget = new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofSeconds(60)));
        LimitExceeded e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(LimitExceeded.class, () -> regex.matches(subject, budget)));
        assertEquals("regex", e.kind());
        assertTrue(budget.steps() > budget.limits().maxSteps());
        // with the default budget the step bound or the 250 ms deadline, whichever comes first
        LimitExceeded again = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(LimitExceeded.class, () -> regex.matches(subject, new Budget())));
        assertTrue(again.kind().equals("regex") || again.kind().equals("time"), again.kind());
    }

    @Test
    void theRegexSharesTheEvaluationsStepBudget() {
        Budget budget = new Budget(Budget.Limits.defaults().withMaxSteps(50));
        assertTrue(PhpRegex.compile("/b/").matches("aaab", budget));
        long used = budget.steps();
        assertTrue(used >= 4, "every character read is a step, used " + used);
        assertEquals("regex", assertThrows(LimitExceeded.class,
                () -> PhpRegex.compile("/z/").matches("a".repeat(100), budget)).kind());
    }

    @Test
    void deepRecursionInTheMatcherBecomesALimitNotAStackOverflow() {
        PhpRegex regex = PhpRegex.compile("/^(a|b)*c$/");
        String subject = "ab".repeat(200_000);
        Budget budget = new Budget(Budget.Limits.defaults().withMaxSteps(100_000_000)
                .withTimeLimit(Duration.ofSeconds(30)));
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> regex.matches(subject, budget));
        assertEquals("regex", e.kind());
    }

    @Test
    void compiledPatternsAreCached() {
        assertSame(PhpRegex.compile("/^cache-me$/i"), PhpRegex.compile("/^cache-me$/i"));
    }

    @Test
    void namedGroupsKeepTheirPcreNames() {
        PhpArray match = PhpRegex.compile("/(?P<first_name>\\w+) (?<last>\\w+)/").match("Ada Lovelace", new Budget());
        assertEquals("Ada", match.get("first_name"));
        assertEquals("Lovelace", match.get("last"));
        assertEquals("Ada", match.get(1L));
        assertEquals("Lovelace", match.get(2L));
    }

    @Test
    void noMatchGivesNull() {
        assertNull(PhpRegex.compile("/x/").match("abc", new Budget()));
        assertFalse(PhpRegex.compile("/x/").matches("abc", new Budget()));
    }

    @Test
    void unsupportedPcreConstructsAreCompileErrors() {
        PhpError e = assertThrows(PhpError.class, () -> PhpRegex.compile("/(?R)/"));
        assertTrue(e.getMessage().startsWith("preg_match(): Compilation failed: "), e.getMessage());
        assertThrows(PhpError.class, () -> PhpRegex.compile("/a\\Kb/"));
    }
}

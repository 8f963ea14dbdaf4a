package io.perscom.webhooks.automation.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void stepsStopAtTheLimit() {
        Budget budget = new Budget(Budget.Limits.defaults().withMaxSteps(10));
        budget.tick(10);
        LimitExceeded e = assertThrows(LimitExceeded.class, budget::tick);
        assertEquals("cpu", e.kind());
        assertEquals("evaluation exceeds 10 steps", e.getMessage());
    }

    @Test
    void theDeadlineIsCheckedByTheClockNotBySleeping() {
        AtomicLong nanos = new AtomicLong(0);
        Budget budget = new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofMillis(250)), nanos::get);
        budget.checkDeadline();
        nanos.set(Duration.ofMillis(251).toNanos());
        LimitExceeded e = assertThrows(LimitExceeded.class, budget::checkDeadline);
        assertEquals("time", e.kind());
        assertEquals("evaluation exceeds 250 ms", e.getMessage());
    }

    @Test
    void ticksLookAtTheClockRegularly() {
        AtomicLong nanos = new AtomicLong(0);
        Budget budget = new Budget(Budget.Limits.defaults(), nanos::get);
        nanos.set(Duration.ofSeconds(1).toNanos());
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> {
            for (int i = 0; i < 5000; i++) {
                budget.tick();
            }
        });
        assertEquals("time", e.kind());
    }

    @Test
    void stringsAndCollectionsAreCheckedBeforeTheyAreBuilt() {
        Budget budget = new Budget(Budget.Limits.defaults().withMaxStringLength(100).withMaxCollectionSize(5));
        budget.checkString(100);
        assertEquals("output", assertThrows(LimitExceeded.class, () -> budget.checkString(101)).kind());
        budget.checkCollection(5);
        assertEquals("collection", assertThrows(LimitExceeded.class, () -> budget.checkCollection(6)).kind());
    }

    @Test
    void depthIsBounded() {
        Budget budget = new Budget(Budget.Limits.defaults().withMaxDepth(2));
        budget.enter();
        budget.enter();
        assertEquals("depth", assertThrows(LimitExceeded.class, budget::enter).kind());
        budget.exit();
        budget.enter();
        assertEquals(2, budget.depth());
    }

    /** Issue 13: a template that doubles a string 25 times must stop at the bound, not run out of memory. */
    @Test
    void doublingAStringStopsAtTheBound() {
        Budget budget = new Budget();
        String s = "ab";
        int doublings = 0;
        LimitExceeded e = null;
        try {
            for (; doublings < 25; doublings++) {
                s = Php.concat(s, s, budget);
            }
        } catch (LimitExceeded thrown) {
            e = thrown;
        }
        assertEquals("output", e == null ? null : e.kind());
        assertEquals(19, doublings);
        assertEquals(1 << 20, s.length());
    }

    @Test
    void repeatAndPaddingAreCheckedFirst() {
        Budget budget = new Budget();
        assertEquals("output", assertThrows(LimitExceeded.class,
                () -> PhpStrings.repeat("abc", 1_000_000, budget)).kind());
        assertEquals("output", assertThrows(LimitExceeded.class,
                () -> PhpStrings.sprintf("%'x2000000s", java.util.List.of("a"), budget)).kind());
        assertEquals("collection", assertThrows(LimitExceeded.class,
                () -> PhpArrays.range(1L, 10_000_000L, 1L, budget)).kind());
    }
}

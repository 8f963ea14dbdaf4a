package io.perscom.webhooks.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: 100 events/s, a burst of 200. */
class TenantRateLimiterTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
    private final TenantRateLimiter limiter = new TenantRateLimiter(100, 200, now::get);

    @Test
    void theBurstIsGrantedAtOnceAndTheNextEventWaits() {
        assertEquals(0, limiter.acquire("a", 100));
        assertEquals(0, limiter.acquire("a", 100));
        assertEquals(1, limiter.acquire("a", 1));
    }

    @Test
    void tokensComeBackAtTheSteadyRate() {
        limiter.acquire("a", 200);
        advance(500);
        assertEquals(1, limiter.acquire("a", 51), "half a second refills 50");
        assertEquals(0, limiter.acquire("a", 50));
        assertEquals(1, limiter.acquire("a", 1));
    }

    @Test
    void theWaitCoversWhatIsMissing() {
        limiter.acquire("a", 200);
        assertEquals(2, limiter.acquire("a", 150), "150 tokens at 100/s");
    }

    @Test
    void refillStopsAtTheBurst() {
        limiter.acquire("a", 200);
        advance(60_000);
        assertEquals(0, limiter.acquire("a", 200));
        assertEquals(1, limiter.acquire("a", 1));
    }

    @Test
    void tenantsHaveTheirOwnBuckets() {
        limiter.acquire("a", 200);
        assertEquals(0, limiter.acquire("b", 200));
    }

    @Test
    void aBatchLargerThanTheBurstPassesOnAFullBucketAndPaysItsDebt() {
        assertEquals(0, limiter.acquire("a", 300));
        advance(2_000);
        assertEquals(1, limiter.acquire("a", 150), "after 2 s the debt of 100 is paid and 100 are back");
        assertEquals(0, limiter.acquire("a", 100));
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}

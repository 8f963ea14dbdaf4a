package io.perscom.webhooks.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.support.TestConfig;

class RetryPolicyTest {

    private static DeliveryConfig withJitter(String jitter) {
        return TestConfig.mapping(DeliveryConfig.class, Map.of("webhooks.delivery.retry-jitter", jitter));
    }

    @Test
    void followsTheScheduleWithBoundedJitter() {
        DeliveryConfig config = withJitter("0.2");
        RetryPolicy policy = new RetryPolicy(config);
        assertEquals(8, config.maxAttempts());
        for (int i = 0; i < 200; i++) {
            long first = policy.delayAfter(1, null).toMillis();
            assertTrue(first >= 4000 && first <= 6000, "5 s ± 20 %: " + first);
            long last = policy.delayAfter(7, null).toMillis();
            assertTrue(last >= Duration.ofHours(8).toMillis() && last <= Duration.ofHours(12).toMillis());
        }
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCapped() {
        RetryPolicy policy = new RetryPolicy(withJitter("0"));
        assertEquals(Duration.ofSeconds(5), policy.delayAfter(1, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(90), policy.delayAfter(1, Duration.ofSeconds(90)));
        assertEquals(Duration.ofHours(24), policy.delayAfter(1, Duration.ofDays(30)));
    }
}

package io.perscom.webhooks.delivery.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.delivery.DeliveryConfig;

/** When the next attempt happens after a failed one. */
@ApplicationScoped
public class RetryPolicy {

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration maxRetryAfter;

    public RetryPolicy(DeliveryConfig config) {
        this.schedule = List.copyOf(config.retrySchedule());
        this.jitter = config.retryJitter();
        this.maxRetryAfter = config.maxRetryAfter();
    }

    /**
     * The wait after attempt number {@code attempt} (1-based) failed: the schedule's step with jitter, or the
     * endpoint's {@code Retry-After} when that asks for longer (bounded by {@code max-retry-after}).
     */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        Duration step = schedule.get(Math.min(Math.max(attempt, 1), schedule.size()) - 1);
        long millis = step.toMillis();
        if (jitter > 0) {
            millis = Math.round(millis * (1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter)));
        }
        Duration delay = Duration.ofMillis(Math.max(0, millis));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return delay;
    }
}

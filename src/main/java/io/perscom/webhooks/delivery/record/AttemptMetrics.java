package io.perscom.webhooks.delivery.record;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.perscom.webhooks.delivery.http.AttemptResult;
import io.perscom.webhooks.delivery.queue.DeliveryStatus;
import io.perscom.webhooks.observability.DeliveryMetrics;

/**
 * Counts recorded attempts: {@code webhooks_delivery_attempts_total{outcome}},
 * {@code webhooks_deliveries_completed_total{status}} (succeeded or failed for good) and the latency histogram
 * {@code webhooks_delivery_attempt_duration_seconds{result}} (2xx, 3xx, 4xx, 5xx, error) of attempts that were sent.
 */
@ApplicationScoped
public class AttemptMetrics {

    private final MeterRegistry registry;
    private final DeliveryMetrics metrics;

    public AttemptMetrics(MeterRegistry registry, DeliveryMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    public void attempted(AttemptRecord record) {
        Tags tenant = metrics.tenantTags(record.job().tenantId());
        Counter.builder("webhooks.delivery.attempts").description("Delivery attempts by outcome")
                .tags(tenant.and("outcome", record.outcome().column())).register(registry).increment();
        if (record.outcome().sent()) {
            Timer.builder("webhooks.delivery.attempt.duration").description("Time from request to response")
                    .publishPercentileHistogram()
                    .tags("result", resultClass(record.result()))
                    .register(registry).record(Duration.ofMillis(record.result().durationMs()));
        }
        DeliveryStatus status = record.deliveryStatus();
        if (status != DeliveryStatus.PENDING) {
            Counter.builder("webhooks.deliveries.completed").description("Deliveries that succeeded or failed for good")
                    .tags(tenant.and("status", status.column())).register(registry).increment();
        }
    }

    private static String resultClass(AttemptResult result) {
        if (result.status() == null) {
            return "error";
        }
        return (result.status() / 100) + "xx";
    }
}

package io.perscom.webhooks.observability;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.perscom.webhooks.delivery.AttemptRecord;
import io.perscom.webhooks.delivery.AttemptResult;

/**
 * The service's own Prometheus metrics (names get Micrometer's {@code _total}/{@code _seconds} suffixes):
 * <ul>
 * <li>{@code webhooks_events_ingested_total{event_type}}: events accepted;</li>
 * <li>{@code webhooks_delivery_attempts_total{outcome}}: attempts by outcome (succeeded, retrying, failed,
 * deferred);</li>
 * <li>{@code webhooks_deliveries_completed_total{status}}: deliveries that reached succeeded or failed;</li>
 * <li>{@code webhooks_delivery_attempt_duration_seconds{result}}: attempt latency histogram (2xx, 3xx, 4xx, 5xx,
 * error);</li>
 * <li>{@code webhooks_queue_due_deliveries}, {@code webhooks_queue_oldest_due_age_seconds}: the database queue;</li>
 * <li>{@code webhooks_circuits_open}: webhooks whose circuit is open on this replica;</li>
 * <li>{@code webhooks_events_not_entitled_total{reason}}: events that created no deliveries or automation runs
 * because the tenant's plan lacks webhooks ({@code reason}: the reported plan, or {@code not_reported}).</li>
 * </ul>
 * With {@code webhooks.metrics.tenant-tag=true} the counters also carry {@code tenant}.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final boolean tenantTag;
    private final AtomicLong dueDeliveries = new AtomicLong();
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();

    public DeliveryMetrics(MeterRegistry registry, MetricsConfig config) {
        this.registry = registry;
        this.tenantTag = config.tenantTag();
        Gauge.builder("webhooks.queue.due.deliveries", dueDeliveries, AtomicLong::get)
                .description("Pending deliveries whose next attempt is due").register(registry);
        Gauge.builder("webhooks.queue.oldest.due.age", oldestDueAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("How long the oldest due delivery has been waiting")
                .register(registry);
    }

    public void eventIngested(String tenantId, String eventType) {
        Counter.builder("webhooks.events.ingested").description("Events accepted from PERSCOM")
                .tags(tags(tenantId).and("event_type", eventType)).register(registry).increment();
    }

    public void eventNotEntitled(String tenantId, String reason) {
        Counter.builder("webhooks.events.not.entitled")
                .description("Events that created no deliveries because the tenant's plan lacks webhooks")
                .tags(tags(tenantId).and("reason", reason)).register(registry).increment();
    }

    public void attempted(AttemptRecord record) {
        Tags tenant = tags(record.job().tenantId());
        Counter.builder("webhooks.delivery.attempts").description("Delivery attempts by outcome")
                .tags(tenant.and("outcome", record.outcome())).register(registry).increment();
        if (!"deferred".equals(record.outcome())) {
            Timer.builder("webhooks.delivery.attempt.duration").description("Time from request to response")
                    .publishPercentileHistogram()
                    .tags("result", resultClass(record.result()))
                    .register(registry).record(java.time.Duration.ofMillis(record.result().durationMs()));
        }
        String status = record.deliveryStatus();
        if (!"pending".equals(status)) {
            Counter.builder("webhooks.deliveries.completed").description("Deliveries that succeeded or failed for good")
                    .tags(tenant.and("status", status)).register(registry).increment();
        }
    }

    /**
     * Work that hit an unexpected error inside the service ({@code delivery}: an attempt, {@code attempt_record}: an
     * attempt result the database refused, {@code automation_job}: an event's automations given up): each is logged
     * at ERROR and ends in a visible state; a rising count is a bug to alert on.
     */
    public void poisonWork(String kind) {
        Counter.builder("webhooks.poison.work").description("Work that failed unexpectedly inside the service")
                .tags("kind", kind).register(registry).increment();
    }

    /** Due deliveries at the last refresh. */
    public long dueDeliveries() {
        return dueDeliveries.get();
    }

    public void queue(long due, long oldestAgeSeconds) {
        dueDeliveries.set(due);
        oldestDueAgeSeconds.set(oldestAgeSeconds);
    }

    private Tags tags(String tenantId) {
        return tenantTag ? Tags.of("tenant", tenantId) : Tags.empty();
    }

    private static String resultClass(AttemptResult result) {
        if (result.status() == null) {
            return "error";
        }
        return (result.status() / 100) + "xx";
    }
}

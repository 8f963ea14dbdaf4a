package io.perscom.webhooks.observability;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The service's own counters outside the attempt path (names get Micrometer's {@code _total} suffix), and the tenant
 * tag every tenant-scoped counter carries:
 * <ul>
 * <li>{@code webhooks_events_ingested_total{event_type}}: events accepted;</li>
 * <li>{@code webhooks_events_not_entitled_total{reason}}: events that created no deliveries or automation runs
 * because the tenant's plan lacks webhooks ({@code reason}: the reported plan, or {@code not_reported});</li>
 * <li>{@code webhooks_poison_work_total{kind}}: work that failed unexpectedly inside the service.</li>
 * </ul>
 * Attempts are counted by {@code delivery.record.AttemptMetrics}; the queue's and the dispatcher's gauges are
 * {@code delivery.queue.QueueGauges} and {@code delivery.dispatch.DispatchGauges}. With
 * {@code webhooks.metrics.tenant-tag=true} the counters also carry {@code tenant}.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final boolean tenantTag;

    public DeliveryMetrics(MeterRegistry registry, MetricsConfig config) {
        this.registry = registry;
        this.tenantTag = config.tenantTag();
    }

    public void eventIngested(String tenantId, String eventType) {
        Counter.builder("webhooks.events.ingested").description("Events accepted from PERSCOM")
                .tags(tenantTags(tenantId).and("event_type", eventType)).register(registry).increment();
    }

    public void eventNotEntitled(String tenantId, String reason) {
        Counter.builder("webhooks.events.not.entitled")
                .description("Events that created no deliveries because the tenant's plan lacks webhooks")
                .tags(tenantTags(tenantId).and("reason", reason)).register(registry).increment();
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

    /** {@code tenant} when {@code webhooks.metrics.tenant-tag} is on, else no tag. */
    public Tags tenantTags(String tenantId) {
        return tenantTag ? Tags.of("tenant", tenantId) : Tags.empty();
    }
}

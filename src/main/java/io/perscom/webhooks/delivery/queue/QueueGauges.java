package io.perscom.webhooks.delivery.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.perscom.webhooks.observability.MetricsConfig;
import io.perscom.webhooks.scheduling.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;

/**
 * The database queue's gauges, {@code webhooks_queue_due_deliveries} and {@code webhooks_queue_oldest_due_age_seconds}:
 * they show the depth the queue last read, and ask it to read again every {@code webhooks.metrics.queue-refresh}.
 */
@ApplicationScoped
public class QueueGauges {

    private final DeliveryQueue queue;

    public QueueGauges(DeliveryQueue queue, MeterRegistry registry) {
        this.queue = queue;
        Gauge.builder("webhooks.queue.due.deliveries", queue, q -> q.lastDepth().due())
                .description("Pending deliveries whose next attempt is due").strongReference(true).register(registry);
        Gauge.builder("webhooks.queue.oldest.due.age", queue, q -> q.lastDepth().oldestDueAgeSeconds())
                .baseUnit("seconds").description("How long the oldest due delivery has been waiting")
                .strongReference(true).register(registry);
    }

    void schedule(@Observes StartupEvent start, PeriodicJobs jobs, MetricsConfig config) {
        jobs.every("queue-gauges", config.queueRefresh(), () -> queue.depth().replaceWithVoid());
    }
}

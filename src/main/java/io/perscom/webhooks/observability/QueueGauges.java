package io.perscom.webhooks.observability;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.perscom.webhooks.delivery.DeliveryDispatcher;
import io.perscom.webhooks.delivery.EndpointCircuits;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Refreshes the queue gauges from the database and exposes the dispatcher's and circuits' in-memory state. */
@Startup
@ApplicationScoped
public class QueueGauges {

    static final String DUE = """
            select count(*) as due,
                   coalesce(extract(epoch from now() - min(next_attempt_at)), 0)::bigint as oldest
            from delivery where status = 'pending' and next_attempt_at <= now()
            """;

    private final Pool pool;
    private final DeliveryMetrics metrics;

    public QueueGauges(Pool pool, DeliveryMetrics metrics, MeterRegistry registry, DeliveryDispatcher dispatcher,
            EndpointCircuits circuits) {
        this.pool = pool;
        this.metrics = metrics;
        Gauge.builder("webhooks.dispatcher.queued", dispatcher, DeliveryDispatcher::queued)
                .description("Claimed deliveries waiting in memory for a send slot").register(registry);
        Gauge.builder("webhooks.dispatcher.in.flight", dispatcher, DeliveryDispatcher::inFlight)
                .description("Requests in flight").register(registry);
        Gauge.builder("webhooks.circuits.open", circuits, EndpointCircuits::openCount)
                .description("Webhooks whose circuit breaker is open on this replica").register(registry);
    }

    @Scheduled(every = "${webhooks.metrics.queue-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(DUE).execute()
                .invoke(rows -> rows.forEach(row -> metrics.queue(row.getLong("due"), row.getLong("oldest"))))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }
}

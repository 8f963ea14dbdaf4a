package io.perscom.webhooks.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.delivery.queue.DeliveryRows;
import io.perscom.webhooks.delivery.queue.NewEvent;
import io.perscom.webhooks.delivery.queue.ReplicaLease;
import io.perscom.webhooks.tenancy.plan.TenantPlans;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The delivery queue as another replica sees it, with its own name and lease length, on the service's database: what
 * a replica that crashed left behind (an expired lease: a negative length) or one still working holds.
 */
public final class OtherReplica {

    private final DeliveryQueue queue;
    private final Pool pool;

    public OtherReplica(String name, Duration lease) {
        DeliveryConfig config = TestConfig.mapping(DeliveryConfig.class,
                Map.of("webhooks.delivery.instance-id", name, "webhooks.delivery.lease", lease.toString()));
        pool = CDI.current().select(Pool.class).get();
        queue = new DeliveryQueue(pool, CDI.current().select(DeliveryRows.class).get(), new ReplicaLease(config),
                config, CDI.current().select(TenantPlans.class).get());
    }

    /** Accepts an event (a new id) as this replica would, its deliveries leased to it; answers how many it made. */
    public int fanOut(String tenant, String type, String payload) {
        NewEvent event = new NewEvent(UUID.randomUUID(), tenant, type, payload, null, null, null);
        return pool.withTransaction(connection -> queue.fanOut(connection, event, true))
                .await().atMost(Duration.ofSeconds(10)).deliveries();
    }
}

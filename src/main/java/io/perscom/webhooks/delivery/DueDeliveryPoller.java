package io.perscom.webhooks.delivery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.tenancy.plan.Plans;
import io.perscom.webhooks.tenancy.plan.TenantPlans;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The database side of the queue: claims due deliveries (retries, and deliveries whose lease expired because their
 * replica died) with {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never take the same delivery at the same
 * time, and hands them to the dispatcher. Deliveries of tenants whose plan lacks webhooks stay queued (paused) until
 * an upgrade. Fresh deliveries do not wait for this: ingest dispatches them at once.
 */
@ApplicationScoped
public class DueDeliveryPoller {

    private static final Logger LOG = Logger.getLogger(DueDeliveryPoller.class);

    static final String CLAIM = """
            with due as (
                select id from delivery
                where status = 'pending' and next_attempt_at <= now()
                  and (lease_until is null or lease_until < now())
                  and %s
                order by next_attempt_at
                limit $1
                for update skip locked
            ), d as (
                update delivery set lease_owner = $2, lease_until = now() + $3::bigint * interval '1 millisecond',
                    updated_at = now()
                from due where delivery.id = due.id
                returning delivery.*
            )
            select %s
            from d join webhook w on w.id = d.webhook_id
                   join lateral (select coalesce(d.payload, e.payload) as payload, e.trace_id from event e
                                 where e.id = d.event_id) p on true
            """.formatted(Plans.entitledSql("delivery.tenant_id", "$4"), DeliveryRows.JOB_COLUMNS);

    private final Pool pool;
    private final DeliveryDispatcher dispatcher;
    private final DeliveryRows rows;
    private final String owner;
    private final long leaseMillis;
    private final int batch;
    private final boolean defaultEntitled;

    public DueDeliveryPoller(Pool pool, DeliveryDispatcher dispatcher, DeliveryRows rows, ReplicaIdentity replica,
            DeliveryConfig config, TenantPlans plans) {
        this.pool = pool;
        this.dispatcher = dispatcher;
        this.rows = rows;
        this.owner = replica.id();
        this.leaseMillis = config.lease().toMillis();
        this.batch = config.pollBatch();
        this.defaultEntitled = plans.defaultEntitled();
    }

    @Scheduled(every = "${webhooks.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return claimWhileBusy(0).onFailure().recoverWithItem(error -> {
            LOG.warnf("Polling due deliveries failed: %s", error.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Claims batch after batch while the queue is full and this replica has room; returns how many it claimed. */
    Uni<Integer> claimWhileBusy(int claimedSoFar) {
        int room = Math.min(batch, dispatcher.capacity());
        if (room == 0) {
            return Uni.createFrom().item(claimedSoFar);
        }
        return claim(room).flatMap(jobs -> {
            dispatcher.submit(jobs);
            return jobs.size() < room ? Uni.createFrom().item(claimedSoFar + jobs.size())
                    : claimWhileBusy(claimedSoFar + jobs.size());
        });
    }

    private Uni<List<DeliveryJob>> claim(int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, owner, leaseMillis, defaultEntitled))
                .map(result -> {
                    List<DeliveryJob> jobs = new java.util.ArrayList<>(result.size());
                    result.forEach(row -> jobs.add(rows.job(row)));
                    return jobs;
                });
    }
}

package io.perscom.webhooks.automation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.ReplicaIdentity;
import io.perscom.webhooks.tenancy.plan.Plans;
import io.perscom.webhooks.tenancy.plan.TenantPlans;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Picks up automation jobs no replica is working on: those accepted while the accepting replica had no room, and
 * those whose replica died before storing the results (lease expired). Jobs of tenants whose plan lacks webhooks wait
 * for an upgrade.
 */
@ApplicationScoped
public class AutomationJobPoller {

    private static final Logger LOG = Logger.getLogger(AutomationJobPoller.class);

    static final String CLAIM = """
            update automation_job set lease_owner = $1, lease_until = now() + $2::bigint * interval '1 millisecond'
            where event_id in (
                select event_id from automation_job
                where (lease_until is null or lease_until < now())
                  and %s
                order by created_at limit 50
                for update skip locked)
            returning event_id, tenant_id, event_type, context
            """.formatted(Plans.entitledSql("automation_job.tenant_id", "$3"));

    private final Pool pool;
    private final AutomationRunner runner;
    private final String replica;
    private final long leaseMillis;
    private final boolean defaultEntitled;

    public AutomationJobPoller(Pool pool, AutomationRunner runner, ReplicaIdentity replica, DeliveryConfig config,
            TenantPlans plans) {
        this.pool = pool;
        this.runner = runner;
        this.replica = replica.id();
        this.leaseMillis = config.lease().toMillis();
        this.defaultEntitled = plans.defaultEntitled();
    }

    @Scheduled(every = "${webhooks.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(replica, leaseMillis, defaultEntitled))
                .map(rows -> {
                    List<AutomationWork> work = new ArrayList<>();
                    rows.forEach(row -> work.add(new AutomationWork(row.getUUID("event_id"),
                            row.getString("tenant_id"), row.getString("event_type"), row.getString("context"))));
                    return work;
                })
                .onItem().transformToMulti(work -> Multi.createFrom().iterable(work))
                .onItem().transformToUniAndConcatenate(work -> runner.run(work).onFailure().recoverWithItem(error -> {
                    LOG.warnf("Automations of event %s failed to run: %s", work.eventId(), error.getMessage());
                    return null;
                }))
                .collect().last()
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}

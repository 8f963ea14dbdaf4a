package io.perscom.webhooks.automation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.ReplicaIdentity;
import io.perscom.webhooks.observability.DeliveryMetrics;
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

    private record Claimed(AutomationWork work, int attempts) {
    }

    private static final Logger LOG = Logger.getLogger(AutomationJobPoller.class);

    static final String CLAIM = """
            update automation_job set lease_owner = $1, lease_until = now() + $2::bigint * interval '1 millisecond',
                attempts = attempts + 1
            where event_id in (
                select event_id from automation_job
                where (lease_until is null or lease_until < now())
                  and %s
                order by created_at limit 50
                for update skip locked)
            returning event_id, tenant_id, event_type, context, attempts
            """.formatted(Plans.entitledSql("automation_job.tenant_id", "$3"));

    /** Gives a job up: a failed log for every enabled automation of its event, and the job removed. */
    static final String GIVE_UP = """
            with gone as (
                delete from automation_job where event_id = $1 returning event_id, tenant_id, event_type, context
            )
            insert into automation_log (id, tenant_id, automation_id, event_id, status, condition, context, error,
                error_kind, execution_ms, created_at)
            select uuid_generate_v7(), a.tenant_id, a.id, g.event_id, 'failed', a.condition, g.context, $2,
                'internal', 0, clock_timestamp()
            from gone g join automation a on a.tenant_id = g.tenant_id and a.trigger = g.event_type and a.enabled
            """;

    private final Pool pool;
    private final AutomationRunner runner;
    private final String replica;
    private final long leaseMillis;
    private final int maxAttempts;
    private final DeliveryMetrics metrics;
    private final boolean defaultEntitled;

    public AutomationJobPoller(Pool pool, AutomationRunner runner, ReplicaIdentity replica, DeliveryConfig config,
            AutomationConfig automationConfig, DeliveryMetrics metrics, TenantPlans plans) {
        this.pool = pool;
        this.runner = runner;
        this.replica = replica.id();
        this.leaseMillis = config.lease().toMillis();
        this.maxAttempts = automationConfig.maxJobAttempts();
        this.metrics = metrics;
        this.defaultEntitled = plans.defaultEntitled();
    }

    @Scheduled(every = "${webhooks.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(replica, leaseMillis, defaultEntitled))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new Claimed(new AutomationWork(row.getUUID("event_id"),
                            row.getString("tenant_id"), row.getString("event_type"), row.getString("context")),
                            row.getInteger("attempts"))));
                    return claimed;
                })
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndConcatenate(claimed -> claimed.attempts() > maxAttempts
                        ? giveUp(claimed)
                        : runner.run(claimed.work()).onFailure().recoverWithItem(error -> {
                            LOG.warnf("Automations of event %s failed to run (attempt %d of %d): %s",
                                    claimed.work().eventId(), claimed.attempts(), maxAttempts, error.getMessage());
                            return null;
                        }))
                .collect().last()
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> giveUp(Claimed claimed) {
        String reason = "internal error: the automations of this event could not be run in " + maxAttempts
                + " attempts";
        LOG.errorf("Giving up the automations of event %s after %d attempts", claimed.work().eventId(), maxAttempts);
        metrics.poisonWork("automation_job");
        return pool.preparedQuery(GIVE_UP).execute(Tuple.of(claimed.work().eventId(), reason)).replaceWithVoid();
    }
}

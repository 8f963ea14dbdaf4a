package io.perscom.webhooks.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.queue.AutomationJob;
import io.perscom.webhooks.delivery.queue.AutomationJobQueue;
import io.perscom.webhooks.observability.DeliveryMetrics;
import io.perscom.webhooks.scheduling.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every {@code webhooks.automation.poll-interval}, picks up automation jobs no replica is working on: those accepted
 * while the accepting replica had no room, and those whose replica died before storing the results (lease expired).
 * Jobs of tenants whose plan lacks webhooks wait for an upgrade. A job claimed more than {@code max-job-attempts}
 * times is given up.
 */
@ApplicationScoped
public class AutomationJobPoller {

    private static final Logger LOG = Logger.getLogger(AutomationJobPoller.class);

    /** Jobs claimed per poll. */
    static final int BATCH = 50;

    /** A failed log for every enabled automation of a given-up job's event. */
    static final String GIVE_UP_LOGS = """
            insert into automation_log (id, tenant_id, automation_id, event_id, status, condition, context, error,
                error_kind, execution_ms, created_at)
            select uuid_generate_v7(), a.tenant_id, a.id, $1, $2, a.condition, $3, $4, 'internal', 0,
                clock_timestamp()
            from automation a where a.tenant_id = $5 and a.trigger = $6 and a.enabled
            """;

    private final Pool pool;
    private final AutomationJobQueue jobs;
    private final AutomationRunner runner;
    private final int maxAttempts;
    private final DeliveryMetrics metrics;

    public AutomationJobPoller(Pool pool, AutomationJobQueue jobs, AutomationRunner runner, AutomationConfig config,
            DeliveryMetrics metrics) {
        this.pool = pool;
        this.jobs = jobs;
        this.runner = runner;
        this.maxAttempts = config.maxJobAttempts();
        this.metrics = metrics;
    }

    void schedule(@Observes StartupEvent start, PeriodicJobs periodic, AutomationConfig config) {
        periodic.every("automation-job-poll", config.pollInterval(), this::poll);
    }

    Uni<Void> poll() {
        return jobs.claim(BATCH)
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndConcatenate(job -> job.attempts() > maxAttempts
                        ? giveUp(job)
                        : runner.run(job).onFailure().recoverWithItem(error -> {
                            LOG.warnf("Automations of event %s failed to run (attempt %d of %d): %s",
                                    job.eventId(), job.attempts(), maxAttempts, error.getMessage());
                            return null;
                        }))
                .collect().last()
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Gives a job up: the job removed, and a failed log for every enabled automation of its event. */
    private Uni<Void> giveUp(AutomationJob job) {
        String reason = "internal error: the automations of this event could not be run in " + maxAttempts
                + " attempts";
        LOG.errorf("Giving up the automations of event %s after %d attempts", job.eventId(), maxAttempts);
        metrics.poisonWork("automation_job");
        return pool.withTransaction(connection -> jobs.remove(connection, job.eventId())
                .flatMap(removed -> removed ? failedLogs(connection, job, reason) : Uni.createFrom().voidItem()));
    }

    private static Uni<Void> failedLogs(SqlConnection connection, AutomationJob job, String reason) {
        Tuple params = Tuple.of(job.eventId(), AutomationStatus.FAILED.column(), job.context(), reason,
                job.tenantId(), job.eventType());
        return connection.preparedQuery(GIVE_UP_LOGS).execute(params).replaceWithVoid();
    }
}

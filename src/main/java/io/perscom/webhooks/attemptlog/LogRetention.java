package io.perscom.webhooks.attemptlog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes attempt logs, automation logs, finished deliveries and events past retention, a small batch per statement, so that pruning
 * a large backlog is many short transactions rather than one long one.
 */
@ApplicationScoped
public class LogRetention {

    private static final Logger LOG = Logger.getLogger(LogRetention.class);

    static final String PRUNE_ATTEMPTS = """
            delete from delivery_attempt where id in (
                select id from delivery_attempt where created_at < $1 limit $2)
            """;
    static final String PRUNE_DELIVERIES = """
            delete from delivery where id in (
                select id from delivery where status <> 'pending' and updated_at < $1 limit $2)
            """;
    static final String PRUNE_AUTOMATION_LOGS = """
            delete from automation_log where id in (
                select id from automation_log where created_at < $1 limit $2)
            """;
    static final String PRUNE_EVENTS = """
            delete from event where id in (
                select e.id from event e where e.accepted_at < $1
                  and not exists (select 1 from delivery d where d.event_id = e.id)
                  and not exists (select 1 from automation_job j where j.event_id = e.id) limit $2)
            """;

    private final Pool pool;
    private final RetentionConfig config;

    public LogRetention(Pool pool, RetentionConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${webhooks.retention.interval:1h}", delayed = "${webhooks.retention.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return prune(Duration.ofDays(config.days())).onFailure().recoverWithItem(error -> {
            LOG.warnf("Retention pruning failed: %s", error.getMessage());
            return 0L;
        }).replaceWithVoid();
    }

    /** Deletes everything older than {@code age}; returns the number of rows deleted. */
    public Uni<Long> prune(Duration age) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        return drain(PRUNE_ATTEMPTS, cutoff, 0)
                .flatMap(a -> drain(PRUNE_AUTOMATION_LOGS, cutoff, a))
                .flatMap(a -> drain(PRUNE_DELIVERIES, cutoff, a))
                .flatMap(d -> drain(PRUNE_EVENTS, cutoff, d))
                .invoke(total -> {
                    if (total > 0) {
                        LOG.infof("Retention deleted %d rows older than %s", total, cutoff);
                    }
                });
    }

    private Uni<Long> drain(String sql, OffsetDateTime cutoff, long deletedSoFar) {
        return pool.preparedQuery(sql).execute(Tuple.of(cutoff, config.batchSize())).flatMap(result -> {
            long total = deletedSoFar + result.rowCount();
            return result.rowCount() < config.batchSize() ? Uni.createFrom().item(total)
                    : drain(sql, cutoff, total);
        });
    }
}

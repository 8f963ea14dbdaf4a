package io.perscom.webhooks.attemptlog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.scheduling.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes attempt logs, automation logs, finished deliveries and events past retention, a small batch per statement,
 * so that pruning a large backlog is many short transactions rather than one long one. The queue deletes its own
 * rows (deliveries, and events nothing needs any more).
 */
@ApplicationScoped
public class LogRetention {

    private static final Logger LOG = Logger.getLogger(LogRetention.class);

    static final String PRUNE_ATTEMPTS = """
            delete from delivery_attempt where id in (
                select id from delivery_attempt where created_at < $1 limit $2)
            """;
    static final String PRUNE_AUTOMATION_LOGS = """
            delete from automation_log where id in (
                select id from automation_log where created_at < $1 limit $2)
            """;

    /** One batch of a pruning step: rows older than the cutoff, at most the limit; answers how many it deleted. */
    private interface Step extends BiFunction<OffsetDateTime, Integer, Uni<Integer>> {
    }

    private final Pool pool;
    private final DeliveryQueue queue;
    private final RetentionConfig config;

    public LogRetention(Pool pool, DeliveryQueue queue, RetentionConfig config) {
        this.pool = pool;
        this.queue = queue;
        this.config = config;
    }

    void schedule(@Observes StartupEvent start, PeriodicJobs jobs) {
        jobs.every("retention", config.interval(), config.initialDelay(), this::scheduled);
    }

    Uni<Void> scheduled() {
        return prune(Duration.ofDays(config.days())).onFailure().recoverWithItem(error -> {
            LOG.warnf("Retention pruning failed: %s", error.getMessage());
            return 0L;
        }).replaceWithVoid();
    }

    /** Deletes everything older than {@code age}; returns the number of rows deleted. */
    public Uni<Long> prune(Duration age) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        return drain(statement(PRUNE_ATTEMPTS), cutoff, 0)
                .flatMap(n -> drain(statement(PRUNE_AUTOMATION_LOGS), cutoff, n))
                .flatMap(n -> drain(queue::pruneFinished, cutoff, n))
                .flatMap(n -> drain(queue::pruneEvents, cutoff, n))
                .invoke(total -> {
                    if (total > 0) {
                        LOG.infof("Retention deleted %d rows older than %s", total, cutoff);
                    }
                });
    }

    private Step statement(String sql) {
        return (cutoff, limit) -> pool.preparedQuery(sql).execute(Tuple.of(cutoff, limit)).map(RowSet::rowCount);
    }

    private Uni<Long> drain(Step step, OffsetDateTime cutoff, long deletedSoFar) {
        return step.apply(cutoff, config.batchSize()).flatMap(deleted -> {
            long total = deletedSoFar + deleted;
            return deleted < config.batchSize() ? Uni.createFrom().item(total) : drain(step, cutoff, total);
        });
    }
}

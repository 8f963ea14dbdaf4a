package io.perscom.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps this replica's leases alive while it holds deliveries (so leases can be short and a crashed replica's
 * work is taken over quickly), and on shutdown hands queued deliveries back to the queue at once and waits for the
 * in-flight ones up to the grace period.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    // Rows a record batch is writing right now are skipped (that batch ends the lease anyway): renewal never waits
    // on, or deadlocks with, the recorder.
    static final String RENEW = """
            update delivery set lease_until = now() + $3::bigint * interval '1 millisecond'
            where id in (select id from delivery where id = any($1) and lease_owner = $2 and status = 'pending'
                         order by id for update skip locked)
            """;
    static final String RELEASE = """
            update delivery set lease_owner = null, lease_until = null
            where id = any($1) and lease_owner = $2 and status = 'pending'
            """;

    private final Pool pool;
    private final DeliveryDispatcher dispatcher;
    private final String owner;
    private final DeliveryConfig config;

    public LeaseKeeper(Pool pool, DeliveryDispatcher dispatcher, ReplicaIdentity replica, DeliveryConfig config) {
        this.pool = pool;
        this.dispatcher = dispatcher;
        this.owner = replica.id();
        this.config = config;
    }

    @Scheduled(every = "${webhooks.delivery.lease-renewal:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> renew() {
        List<UUID> held = dispatcher.heldIds();
        if (held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant until = Instant.now().plus(config.lease());
        return pool.preparedQuery(RENEW).execute(Tuple.of(held.toArray(UUID[]::new), owner, config.lease().toMillis()))
                .invoke(() -> dispatcher.leasesRenewed(until))
                .replaceWithVoid()
                .onFailure().recoverWithItem(error -> {
                    LOG.warnf("Renewing %d lease(s) failed: %s", held.size(), error.getMessage());
                    return null;
                });
    }

    /**
     * Shutdown starts with a delay (Kubernetes takes the pod out of its Service meanwhile) during which the service
     * still runs: the moment to hand work back and let in-flight requests finish, while the HTTP client still works.
     */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        handBack();
    }

    /**
     * Without a shutdown delay, the same as late as possible (in-flight requests may then be cut and retried); with
     * one, what ingest leased to this replica after the hand-back.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        handBack();
        release(dispatcher.takeLateArrivals());
    }

    private void release(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            pool.preparedQuery(RELEASE).execute(Tuple.of(ids.toArray(UUID[]::new), owner))
                    .await().atMost(java.time.Duration.ofSeconds(5));
            LOG.infof("Released %d deliveries for other replicas", ids.size());
        } catch (RuntimeException e) {
            LOG.warnf("Releasing %d deliveries failed (%s); their leases will expire", ids.size(), e.getMessage());
        }
    }

    private void handBack() {
        if (dispatcher.isStopping()) {
            return;
        }
        int inFlight = dispatcher.inFlight();
        var stopped = dispatcher.stop();
        List<UUID> queued = stopped.getKey();
        LOG.infof("Stopping delivery: %d queued handed back, waiting up to %s for %d in flight", queued.size(),
                config.shutdownGrace(), inFlight);
        release(queued);
        try {
            stopped.getValue().get(config.shutdownGrace().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warnf("In-flight deliveries did not finish within %s; their leases will expire", config.shutdownGrace());
        } catch (Exception e) {
            LOG.warnf("Shutdown hand-back incomplete (%s); leases will expire", e.getMessage());
        }
    }
}

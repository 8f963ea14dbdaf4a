package io.perscom.webhooks.delivery.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.scheduling.PeriodicJobs;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Keeps this replica's leases alive while it holds deliveries (so leases can be short and a crashed replica's
 * work is taken over quickly), and on shutdown hands queued deliveries back to the queue at once and waits for the
 * in-flight ones up to the grace period.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

    private final DeliveryQueue queue;
    private final DeliveryDispatcher dispatcher;
    private final Duration shutdownGrace;

    public LeaseKeeper(DeliveryQueue queue, DeliveryDispatcher dispatcher, DeliveryConfig config) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.shutdownGrace = config.shutdownGrace();
    }

    void schedule(@Observes StartupEvent start, PeriodicJobs jobs, DeliveryConfig config) {
        jobs.every("lease-renewal", config.leaseRenewal(), this::renew);
    }

    Uni<Void> renew() {
        List<UUID> held = dispatcher.heldIds();
        if (held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return queue.renew(held)
                .invoke(dispatcher::leasesRenewed)
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
            queue.release(ids).await().atMost(RELEASE_TIMEOUT);
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
        DeliveryDispatcher.Stopped stopped = dispatcher.stop();
        LOG.infof("Stopping delivery: %d queued handed back, waiting up to %s for %d in flight",
                stopped.handedBack().size(), shutdownGrace, inFlight);
        release(stopped.handedBack());
        try {
            stopped.inFlightDone().get(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("In-flight deliveries did not finish within %s; their leases will expire", shutdownGrace);
        } catch (Exception e) {
            LOG.warnf("Shutdown hand-back incomplete (%s); leases will expire", e.getMessage());
        }
    }
}

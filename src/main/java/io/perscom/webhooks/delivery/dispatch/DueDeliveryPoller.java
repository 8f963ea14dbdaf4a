package io.perscom.webhooks.delivery.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.scheduling.PeriodicJobs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Every {@code webhooks.delivery.poll-interval}, claims due deliveries from the queue (retries, and deliveries whose
 * lease expired because their replica died) while this replica has room, and hands them to the dispatcher. Fresh
 * deliveries do not wait for this: ingest dispatches them at once.
 */
@ApplicationScoped
public class DueDeliveryPoller {

    private static final Logger LOG = Logger.getLogger(DueDeliveryPoller.class);

    private final DeliveryQueue queue;
    private final DeliveryDispatcher dispatcher;
    private final int batch;

    public DueDeliveryPoller(DeliveryQueue queue, DeliveryDispatcher dispatcher, DeliveryConfig config) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.batch = config.pollBatch();
    }

    void schedule(@Observes StartupEvent start, PeriodicJobs jobs, DeliveryConfig config) {
        jobs.every("delivery-poll", config.pollInterval(), this::poll);
    }

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
        return queue.claimDue(room).flatMap(jobs -> {
            dispatcher.submit(jobs);
            return jobs.size() < room ? Uni.createFrom().item(claimedSoFar + jobs.size())
                    : claimWhileBusy(claimedSoFar + jobs.size());
        });
    }
}

package io.perscom.webhooks.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.observability.DeliveryLog;

/**
 * Runs claimed deliveries with bounded concurrency: at most {@code max-in-flight} requests overall and
 * {@code max-in-flight-per-endpoint} per webhook, taking endpoints round-robin so a slow one cannot hold back the
 * others. Deliveries wait in memory per endpoint; a delivery whose lease ran out while waiting is dropped here, since
 * the database queue will hand it out again.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryProcessor processor;
    private final int maxInFlight;
    private final int maxPerEndpoint;
    private final int maxQueued;

    private final Map<UUID, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private int inFlight;
    private int queued;

    public DeliveryDispatcher(DeliveryProcessor processor, DeliveryConfig config) {
        this.processor = processor;
        this.maxInFlight = config.maxInFlight();
        this.maxPerEndpoint = config.maxInFlightPerEndpoint();
        this.maxQueued = config.maxQueued();
    }

    private static final class Lane {
        final UUID webhookId;
        final ArrayDeque<DeliveryJob> jobs = new ArrayDeque<>();
        int inFlight;
        boolean inReady;

        Lane(UUID webhookId) {
            this.webhookId = webhookId;
        }
    }

    /** How many more deliveries this replica can take now without queueing past its bound. */
    public synchronized int capacity() {
        return Math.max(0, maxQueued - queued - inFlight);
    }

    public synchronized int queued() {
        return queued;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public void submit(List<DeliveryJob> jobs) {
        synchronized (this) {
            for (DeliveryJob job : jobs) {
                Lane lane = lanes.computeIfAbsent(job.webhookId(), Lane::new);
                lane.jobs.add(job);
                queued++;
                markReady(lane);
            }
        }
        pump();
    }

    private void pump() {
        while (true) {
            DeliveryJob job;
            synchronized (this) {
                job = nextJob();
                if (job == null) {
                    return;
                }
            }
            start(job);
        }
    }

    /** Takes the next job round-robin over ready lanes; null when nothing may start now. Holds the lock. */
    private DeliveryJob nextJob() {
        Instant now = Instant.now();
        while (inFlight < maxInFlight && !ready.isEmpty()) {
            Lane lane = ready.poll();
            lane.inReady = false;
            DeliveryJob job = lane.jobs.poll();
            if (job == null) {
                forgetIfIdle(lane);
                continue;
            }
            queued--;
            if (job.leaseUntil().isBefore(now)) {
                LOG.debugf("Lease of %s ran out while queued; leaving it to the database queue", job);
                markReady(lane);
                forgetIfIdle(lane);
                continue;
            }
            lane.inFlight++;
            inFlight++;
            markReady(lane);
            return job;
        }
        return null;
    }

    private void start(DeliveryJob job) {
        processor.process(job).subscribe().with(
                record -> finished(job),
                error -> {
                    DeliveryLog.warn(job, "Attempt not recorded (" + error.getMessage()
                            + "); it will be retried when its lease expires");
                    finished(job);
                });
    }

    private void finished(DeliveryJob job) {
        synchronized (this) {
            Lane lane = lanes.get(job.webhookId());
            lane.inFlight--;
            inFlight--;
            markReady(lane);
            forgetIfIdle(lane);
        }
        pump();
    }

    private void markReady(Lane lane) {
        if (!lane.inReady && !lane.jobs.isEmpty() && lane.inFlight < maxPerEndpoint) {
            lane.inReady = true;
            ready.add(lane);
        }
    }

    private void forgetIfIdle(Lane lane) {
        if (lane.jobs.isEmpty() && lane.inFlight == 0 && !lane.inReady) {
            lanes.remove(lane.webhookId);
        }
    }
}

package io.perscom.webhooks.delivery.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.http.AttemptResult;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.vertx.core.Vertx;

/**
 * Runs claimed deliveries with bounded concurrency: at most {@code max-in-flight} requests overall,
 * {@code max-in-flight-per-tenant} per tenant and {@code max-in-flight-per-endpoint} per webhook, taking webhooks
 * round-robin, so neither a slow endpoint nor a tenant's flood holds back the others. An endpoint that answers 429,
 * 502 or 504 is paused (its {@code Retry-After}, else a doubling backoff) before its next request. Deliveries wait
 * in memory per webhook while their lease holds; one whose lease ran out is dropped here, since the database queue
 * hands it out again.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final long MIN_PAUSE_MS = 1000;
    private static final long MAX_PAUSE_MS = 60_000;

    private final DeliveryProcessor processor;
    private final Vertx vertx;
    private final int maxInFlight;
    private final int maxPerEndpoint;
    private final int maxPerTenant;
    private final int maxQueued;

    private final Map<UUID, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private final Map<String, Integer> inFlightByTenant = new HashMap<>();
    private final Map<String, List<Lane>> waitingForTenant = new HashMap<>();
    private final Map<UUID, DeliveryJob> running = new HashMap<>();
    private final List<UUID> lateArrivals = new ArrayList<>();
    private int queued;
    private boolean stopping;
    private Instant leaseFloor = Instant.EPOCH;
    private CompletableFuture<Void> idle;

    public DeliveryDispatcher(DeliveryProcessor processor, DeliveryConfig config, Vertx vertx) {
        this.processor = processor;
        this.vertx = vertx;
        this.maxInFlight = config.maxInFlight();
        this.maxPerEndpoint = config.maxInFlightPerEndpoint();
        this.maxPerTenant = config.maxInFlightPerTenant();
        this.maxQueued = config.maxQueued();
    }

    private static final class Lane {
        final UUID webhookId;
        final String tenantId;
        final ArrayDeque<DeliveryJob> jobs = new ArrayDeque<>();
        int inFlight;
        boolean inReady;
        boolean waitingForTenant;
        long pausedUntil;
        long pauseMillis;

        Lane(UUID webhookId, String tenantId) {
            this.webhookId = webhookId;
            this.tenantId = tenantId;
        }
    }

    /** How many more deliveries this replica can take now without queueing past its bound. */
    public synchronized int capacity() {
        return stopping ? 0 : Math.max(0, maxQueued - queued - running.size());
    }

    public synchronized int queued() {
        return queued;
    }

    public synchronized int inFlight() {
        return running.size();
    }

    public void submit(List<DeliveryJob> jobs) {
        synchronized (this) {
            if (stopping) {
                // Leased by an ingest that raced the shutdown: hand them back too.
                jobs.forEach(job -> lateArrivals.add(job.deliveryId()));
                return;
            }
            for (DeliveryJob job : jobs) {
                Lane lane = lanes.computeIfAbsent(job.webhookId(), id -> new Lane(id, job.tenantId()));
                lane.jobs.add(job);
                queued++;
                markReady(lane);
            }
        }
        pump();
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    /** Deliveries submitted after {@link #stop()}, to be handed back; each is returned once. */
    public synchronized List<UUID> takeLateArrivals() {
        List<UUID> late = List.copyOf(lateArrivals);
        lateArrivals.clear();
        return late;
    }

    /** Ids of every delivery this replica holds (queued or in flight), for lease renewal. */
    public synchronized List<UUID> heldIds() {
        List<UUID> ids = new ArrayList<>(running.keySet());
        lanes.values().forEach(lane -> lane.jobs.forEach(job -> ids.add(job.deliveryId())));
        return ids;
    }

    /** After a renewal: every delivery held when it started is leased at least until {@code until}. */
    public synchronized void leasesRenewed(Instant until) {
        if (until.isAfter(leaseFloor)) {
            leaseFloor = until;
        }
    }

    /** What {@link #stop()} leaves: the queued deliveries handed back, and the wait for those in flight. */
    public record Stopped(List<UUID> handedBack, CompletableFuture<Void> inFlightDone) {
    }

    /**
     * Stops starting deliveries; returns the queued ones (to be released for other replicas) and a future that
     * completes when the in-flight ones are done.
     */
    public synchronized Stopped stop() {
        stopping = true;
        List<UUID> released = new ArrayList<>();
        lanes.values().forEach(lane -> {
            lane.jobs.forEach(job -> released.add(job.deliveryId()));
            queued -= lane.jobs.size();
            lane.jobs.clear();
        });
        ready.clear();
        idle = new CompletableFuture<>();
        if (running.isEmpty()) {
            idle.complete(null);
        }
        return new Stopped(released, idle);
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
        while (!stopping && running.size() < maxInFlight && !ready.isEmpty()) {
            Lane lane = ready.poll();
            lane.inReady = false;
            DeliveryJob job = lane.jobs.poll();
            if (job == null || !canStart(lane)) {
                if (job != null) {
                    lane.jobs.addFirst(job);
                }
                markReady(lane);
                forgetIfIdle(lane);
                continue;
            }
            queued--;
            if (job.leaseUntil().isBefore(now) && leaseFloor.isBefore(now)) {
                LOG.debugf("Lease of %s ran out while queued; leaving it to the database queue", job);
                markReady(lane);
                forgetIfIdle(lane);
                continue;
            }
            lane.inFlight++;
            running.put(job.deliveryId(), job);
            inFlightByTenant.merge(lane.tenantId, 1, Integer::sum);
            markReady(lane);
            return job;
        }
        return null;
    }

    private void start(DeliveryJob job) {
        processor.process(job).subscribe().with(
                record -> finished(job, record.result()),
                error -> {
                    DeliveryLog.warn(job, "Attempt not recorded (" + error.getMessage()
                            + "); it will be retried when its lease expires");
                    finished(job, null);
                });
    }

    private void finished(DeliveryJob job, AttemptResult result) {
        synchronized (this) {
            Lane lane = lanes.get(job.webhookId());
            lane.inFlight--;
            running.remove(job.deliveryId());
            if (inFlightByTenant.merge(lane.tenantId, -1, Integer::sum) <= 0) {
                inFlightByTenant.remove(lane.tenantId);
            }
            throttle(lane, result);
            markReady(lane);
            List<Lane> waiting = waitingForTenant.remove(lane.tenantId);
            if (waiting != null) {
                waiting.forEach(w -> {
                    w.waitingForTenant = false;
                    markReady(w);
                });
            }
            forgetIfIdle(lane);
            if (stopping && running.isEmpty() && idle != null) {
                idle.complete(null);
            }
        }
        pump();
    }

    /** 429, 502 and 504 mean "slow down": pause the endpoint; any success lifts the backoff. */
    private void throttle(Lane lane, AttemptResult result) {
        if (result == null || result.status() == null) {
            return;
        }
        int status = result.status();
        if (status == 429 || status == 502 || status == 504) {
            long pause = result.retryAfter() != null
                    ? Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, result.retryAfter().toMillis()))
                    : Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, lane.pauseMillis * 2));
            lane.pauseMillis = pause;
            lane.pausedUntil = System.nanoTime() + Duration.ofMillis(pause).toNanos();
            vertx.setTimer(pause, id -> {
                synchronized (this) {
                    markReady(lane);
                }
                pump();
            });
        } else if (result.succeeded()) {
            lane.pauseMillis = 0;
        }
    }

    private boolean canStart(Lane lane) {
        return lane.inFlight < maxPerEndpoint && System.nanoTime() >= lane.pausedUntil
                && inFlightByTenant.getOrDefault(lane.tenantId, 0) < maxPerTenant;
    }

    private void markReady(Lane lane) {
        if (lane.inReady || lane.jobs.isEmpty() || lane.inFlight >= maxPerEndpoint
                || System.nanoTime() < lane.pausedUntil) {
            return;
        }
        if (inFlightByTenant.getOrDefault(lane.tenantId, 0) >= maxPerTenant) {
            if (!lane.waitingForTenant) {
                lane.waitingForTenant = true;
                waitingForTenant.computeIfAbsent(lane.tenantId, t -> new ArrayList<>()).add(lane);
            }
            return;
        }
        lane.inReady = true;
        ready.add(lane);
    }

    private void forgetIfIdle(Lane lane) {
        if (lane.jobs.isEmpty() && lane.inFlight == 0 && !lane.inReady && !lane.waitingForTenant
                && System.nanoTime() >= lane.pausedUntil) {
            lanes.remove(lane.webhookId);
        }
    }
}

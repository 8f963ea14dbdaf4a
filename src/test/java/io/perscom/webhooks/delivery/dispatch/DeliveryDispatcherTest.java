package io.perscom.webhooks.delivery.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.http.AttemptResult;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.record.AttemptOutcome;
import io.perscom.webhooks.delivery.record.AttemptRecord;
import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.TestConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/** Concurrency bounds, fairness, throttling and shutdown of the dispatcher, with a processor we control. */
class DeliveryDispatcherTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<DeliveryJob> started = new CopyOnWriteArrayList<>();
    private final Map<UUID, CompletableFuture<AttemptResult>> pending = new java.util.concurrent.ConcurrentHashMap<>();

    @AfterEach
    void close() {
        vertx.close();
    }

    /** A processor whose attempts finish only when the test says so. */
    private DeliveryProcessor processor() {
        return new DeliveryProcessor(null, null, null, null, TestConfig.mapping(DeliveryConfig.class), null, null) {
            @Override
            public Uni<AttemptRecord> process(DeliveryJob job) {
                started.add(job);
                CompletableFuture<AttemptResult> done = new CompletableFuture<>();
                pending.put(job.deliveryId(), done);
                return Uni.createFrom().completionStage(done)
                        .map(result -> new AttemptRecord(UUID.randomUUID(), job, "post", result,
                                result.succeeded() ? AttemptOutcome.SUCCEEDED : AttemptOutcome.RETRYING, null, Instant.now()));
            }
        };
    }

    private static DeliveryJob job(String tenant, UUID webhook) {
        return job(tenant, webhook, Instant.now().plusSeconds(60));
    }

    private static DeliveryJob job(String tenant, UUID webhook, Instant leaseUntil) {
        UUID id = UUID.randomUUID();
        return new DeliveryJob(id, id, id, tenant, "user.created", webhook, "http://127.0.0.1:9/", "post", true,
                "secret-secret-secret", null, "{}", null, 1, 8, leaseUntil, null);
    }

    /** Requests in flight at once: overall, per webhook, per tenant. */
    private static DeliveryConfig limits(int overall, int perEndpoint, int perTenant) {
        return TestConfig.mapping(DeliveryConfig.class, Map.of("webhooks.delivery.max-in-flight", "" + overall,
                "webhooks.delivery.max-in-flight-per-endpoint", "" + perEndpoint,
                "webhooks.delivery.max-in-flight-per-tenant", "" + perTenant));
    }

    private static AttemptResult status(int code, Duration retryAfter) {
        return new AttemptResult("http://127.0.0.1:9/", Map.of(), code, "", Map.of(), "", 1, null, null, retryAfter,
                null, false, 0L);
    }

    private void finish(DeliveryJob job, AttemptResult result) {
        pending.get(job.deliveryId()).complete(result);
    }

    @Test
    void boundsRequestsPerEndpointAndOverall() {
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(processor(), limits(5, 2, 100),
                vertx);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<DeliveryJob> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(job("t", a));
            jobs.add(job("t", b));
            jobs.add(job("t", c));
        }
        dispatcher.submit(jobs);
        assertEquals(5, started.size(), "overall bound");
        assertTrue(started.stream().filter(j -> j.webhookId().equals(a)).count() <= 2, "per-endpoint bound");
        assertEquals(3, started.stream().map(DeliveryJob::webhookId).distinct().count(), "round-robin");

        finish(started.get(0), status(200, null));
        assertEquals(6, started.size(), "a finished request frees a slot");
    }

    @Test
    void oneTenantsFloodDoesNotStarveAnother() {
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(processor(), limits(10, 5, 3),
                vertx);
        List<DeliveryJob> flood = new ArrayList<>();
        for (int w = 0; w < 20; w++) {
            UUID webhook = UUID.randomUUID();
            for (int i = 0; i < 50; i++) {
                flood.add(job("noisy", webhook));
            }
        }
        dispatcher.submit(flood);
        assertEquals(3, started.size(), "the noisy tenant is held to its share");
        DeliveryJob quiet = job("quiet", UUID.randomUUID());
        dispatcher.submit(List.of(quiet));
        assertTrue(started.contains(quiet), "another tenant's delivery starts at once");
    }

    @Test
    void anEndpointThatSaysSlowDownIsPaused() {
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(processor(), limits(10, 1, 10),
                vertx);
        UUID webhook = UUID.randomUUID();
        DeliveryJob first = job("t", webhook);
        DeliveryJob second = job("t", webhook);
        dispatcher.submit(List.of(first, second));
        assertEquals(List.of(first), started);

        long answered = System.nanoTime();
        finish(first, status(429, Duration.ofSeconds(1)));
        assertFalse(started.contains(second), "not sent again right away");
        Await.until(() -> started.contains(second), Boolean::booleanValue, Duration.ofSeconds(5), "the pause to end");
        assertTrue(System.nanoTime() - answered >= 900_000_000L, "waited for Retry-After");
    }

    @Test
    void expiredLeasesAreLeftToTheQueueAndStopReleasesTheRest() throws Exception {
        DeliveryDispatcher dispatcher = new DeliveryDispatcher(processor(), limits(1, 1, 1),
                vertx);
        UUID webhook = UUID.randomUUID();
        DeliveryJob running = job("t", webhook);
        DeliveryJob expired = job("t", webhook, Instant.now().minusSeconds(1));
        DeliveryJob waiting = job("t", webhook);
        dispatcher.submit(List.of(running, expired, waiting));
        assertEquals(List.of(running), started);

        var stopped = dispatcher.stop();
        assertTrue(stopped.handedBack().contains(waiting.deliveryId()), "queued deliveries are handed back");
        assertEquals(0, dispatcher.capacity(), "a stopping replica takes no more work");
        assertFalse(stopped.inFlightDone().isDone(), "waits for the request in flight");
        finish(running, status(200, null));
        stopped.inFlightDone().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(running), started, "nothing else was started");
    }
}

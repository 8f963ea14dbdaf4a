package io.perscom.webhooks.ingest;

import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.OtherReplica;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Ingest asks the queue how many deliveries are due, and turns events away while that is past the bound. */
@QuarkusTest
@TestProfile(QueueBackpressureTest.NoRoomForDueDeliveries.class)
class QueueBackpressureTest {

    public static class NoRoomForDueDeliveries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("webhooks.limits.max-due-deliveries", "0");
        }
    }

    @Test
    void aFullQueueTurnsIngestAwayWith503() {
        // One due delivery, held by another replica for a minute (so it stays due during the test): over a bound of 0.
        String holder = freshTenant();
        webhook(holder, "http://127.0.0.1:9/held", null, "user.created");
        assertEquals(1, new OtherReplica("busy-replica", Duration.ofMinutes(1)).fanOut(holder, "user.created", "{}"));

        // The queue reads its depth again within webhooks.delivery.due-count-max-age (1 s).
        String probe = freshTenant();
        Await.until(() -> ingest(event(probe, "user.created", Map.of("id", 1))).extract().statusCode(),
                status -> status == 503, Duration.ofSeconds(10), "ingest to see the full queue");

        String tenant = freshTenant();
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(503)
                .header("Retry-After", equalTo("30")).body("status", equalTo(503))
                .contentType("application/problem+json");
        assertEquals(0, count("select count(*) from event where tenant_id = ?", tenant), "nothing was written");
    }
}

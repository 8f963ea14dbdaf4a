package io.perscom.webhooks.ingest;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.PERSCOM;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Test limits: 100 events/s per tenant with a burst of 200, 20 webhooks per tenant. */
@QuarkusTest
class IngestLimitsTest {

    @Test
    void aTenantOverItsEventRateGets429WithRetryAfterAndOthersAreUnaffected() {
        String noisy = freshTenant();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(event(noisy, "user.created", Map.of("id", i)));
        }
        // The burst (200) plus what refills at 100/s while the batches are sent; the bucket itself is tested on a
        // clock of its own in TenantRateLimiterTest, so here only the answer and that nothing was written count.
        int accepted = 0;
        io.restassured.response.ExtractableResponse<?> refused = null;
        for (int sent = 0; sent < 20 && refused == null; sent++) {
            var answer = batch(batch).extract();
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(202, answer.statusCode(), answer.asString());
                accepted += batch.size();
            }
        }
        assertNotNull(refused, "20 batches of 100 in a row must exceed 100 events/s with a burst of 200");
        assertNotNull(refused.header("Retry-After"));
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(accepted >= 200, "the burst is granted: " + accepted);
        assertEquals(accepted, count("select count(*) from event where tenant_id = ?", noisy),
                "refused batches wrote nothing");

        ingest(event(freshTenant(), "user.created", Map.of("id", 1))).statusCode(202);
    }

    @Test
    void aTenantMayHaveOnlySoManyWebhooks() {
        String tenant = freshTenant();
        for (int i = 0; i < 20; i++) {
            admin(tenant).body(Map.of("url", "https://example.com/" + i)).when().post("/api/v1/webhooks").then()
                    .statusCode(201);
        }
        admin(tenant).body(Map.of("url", "https://example.com/21")).when().post("/api/v1/webhooks").then()
                .statusCode(422).body("errors.field", hasItem("body"));
        assertEquals(20, count("select count(*) from webhook where tenant_id = ?", tenant));
    }

    private static io.restassured.response.ValidatableResponse batch(List<Map<String, Object>> events) {
        return given().auth().oauth2(PERSCOM).contentType(ContentType.JSON).body(events)
                .when().post("/internal/v1/events/batch").then();
    }
}

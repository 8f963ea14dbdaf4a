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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

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
        // Three batches at once (the burst holds two): sent one after the other, the bucket would refill while the
        // first two are stored, as it may on a busy machine.
        List<CompletableFuture<Response>> sent = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> batch(batch).extract().response())).toList();
        List<Response> answers = sent.stream().map(CompletableFuture::join).toList();
        assertEquals(List.of(202, 202, 429), answers.stream().map(Response::statusCode).sorted().toList());
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
        assertNotNull(refused.header("Retry-After"));
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(200, count("select count(*) from event where tenant_id = ?", noisy), "the refused batch wrote nothing");

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

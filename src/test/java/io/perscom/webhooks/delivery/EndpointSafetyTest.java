package io.perscom.webhooks.delivery;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.execute;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.TestReceiver.Reply;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

/** SSRF guard, secret rotation and endpoint health, end to end (loopback only: 127.0.0.1 is the allow-list). */
@QuarkusTest
class EndpointSafetyTest extends ReceiverTest {



    @Test
    void addressesOutsideTheAllowListAreRefusedAndLogged() {
        String url = receiver.url("/ssrf").replace("127.0.0.1", "127.0.0.2");
        String id = admin(tenant).body(Map.of("url", url, "events", List.of("user.created")))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("warnings[0]", containsString("127.0.0.2")).extract().path("id");

        admin(tenant).when().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200)
                .body("outcome", equalTo("failed")).body("error_kind", equalTo("blocked"))
                .body("error_message", containsString("SSRF"));

        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202).body("deliveries", equalTo(1));
        List<Map<String, Object>> logs = Await.until(() -> logs(id, "event", "user.created"), l -> !l.isEmpty(),
                WAIT, "the refused attempt");
        assertEquals("blocked", logs.get(0).get("error_kind"));
        assertEquals("failed", logs.get(0).get("outcome"), "refusals are not retried");
        assertEquals(0, receiver.received("/ssrf").size());

        admin(tenant).body(Map.of("url", "http://[::1]:9/x")).when().patch("/api/v1/webhooks/" + id).then()
                .statusCode(200).body("warnings[0]", containsString("internal range"));
        admin(tenant).body(Map.of("url", "https://hooks.example.com/x")).when().patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("warnings", nullValue());
    }

    @Test
    void aRotatedSecretSignsNextToThePreviousOneDuringTheOverlap() {
        String old = "the-old-secret-0123456789";
        String id = webhook(tenant, receiver.url("/rotate"), old, "user.created");
        String fresh = admin(tenant).body(Map.of("overlap_seconds", 3600))
                .when().post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(200)
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .body("previous_secret_expires_at", notNullValue()).extract().path("secret");
        admin(tenant).when().get("/api/v1/webhooks/" + id + "/secret").then().body("secret", equalTo(fresh));

        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202);
        Received during = receiver.await("/rotate", 1, WAIT).get(0);
        assertEquals(2, during.header("webhook-signature").split(" ").length);
        Verify.post(fresh, during);
        Verify.standardWebhooks(old, during.body(), during);

        admin(tenant).body(Map.of("secret", "the-newest-secret-0123456789", "overlap_seconds", 0))
                .when().post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(200);
        ingest(event(tenant, "user.created", Map.of("id", 2))).statusCode(202);
        Received after = receiver.await("/rotate", 2, WAIT).get(1);
        assertEquals(1, after.header("webhook-signature").split(" ").length);
        Verify.post("the-newest-secret-0123456789", after);
        assertThrows(AssertionError.class, () -> Verify.standardWebhooks(fresh, after.body(), after));

        admin(tenant).body(Map.of("secret", "s".repeat(256), "overlap_seconds", -1))
                .when().post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(422)
                .body("errors.field", hasItem("secret")).body("errors.field", hasItem("overlap_seconds"));
        admin(freshTenant()).when().post("/api/v1/webhooks/" + id + "/secret/rotate").then().statusCode(404);
    }

    @Test
    void a410DisablesTheEndpointAtOnceAndReEnablingResetsIt() {
        String id = webhook(tenant, receiver.url("/gone"), null, "user.created");
        receiver.script("/gone", Reply.status(410));
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202);

        Await.until(() -> admin(tenant).when().get("/api/v1/webhooks/" + id).then().extract()
                .<Boolean> path("enabled"), enabled -> !enabled, WAIT, "the webhook to be disabled");
        admin(tenant).when().get("/api/v1/webhooks/" + id).then()
                .body("disabled_reason", containsString("410 Gone"));
        List<Map<String, Object>> logs = logs(id, "event", "user.created");
        assertEquals(1, logs.size());
        assertEquals("failed", logs.get(0).get("outcome"), "no retries after 410");
        assertEquals(1, receiver.received("/gone").size());

        ingest(event(tenant, "user.created", Map.of("id", 2))).statusCode(202).body("deliveries", equalTo(0));
        admin(tenant).body(Map.of("enabled", true)).when().patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabled_reason", nullValue());
        assertEquals(0, count("select count(*) from webhook where id = ? and failing_since is not null",
                UUID.fromString(id)));
    }

    @Test
    void anEndpointFailingForLongerThanAllowedIsDisabled() {
        String id = webhook(tenant, receiver.url("/failing"), null, "user.created");
        receiver.script("/failing", Reply.status(500));
        // As if every attempt had failed for six days (the limit is five).
        execute("update webhook set failing_since = now() - interval '6 days' where id = ?", UUID.fromString(id));
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202);

        Await.until(() -> admin(tenant).when().get("/api/v1/webhooks/" + id).then().extract()
                .<Boolean> path("enabled"), enabled -> !enabled, WAIT, "the webhook to be disabled");
        admin(tenant).when().get("/api/v1/webhooks/" + id).then()
                .body("disabled_reason", containsString("Every delivery has failed since"));

        String healthy = webhook(tenant, receiver.url("/healthy"), null, "user.updated");
        execute("update webhook set failing_since = now() - interval '6 days' where id = ?",
                UUID.fromString(healthy));
        ingest(event(tenant, "user.updated", Map.of("id", 1))).statusCode(202);
        receiver.await("/healthy", 1, WAIT);
        Await.until(() -> count("select count(*) from webhook where id = ? and failing_since is null",
                UUID.fromString(healthy)), n -> n == 1, WAIT, "a success to clear failing_since");
        assertTrue(admin(tenant).when().get("/api/v1/webhooks/" + healthy).then().extract().<Boolean> path("enabled"));
    }

    @Test
    void aSlowEndpointDoesNotDelayOthers() {
        webhook(tenant, receiver.url("/slow"), null, "calendar.updated");
        webhook(tenant, receiver.url("/fast"), null, "calendar.updated");
        receiver.script("/slow", Reply.status(200).after(Duration.ofSeconds(3)));
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(event(tenant, "calendar.updated", Map.of("id", i)));
        }
        io.restassured.RestAssured.given().auth().oauth2(io.perscom.webhooks.support.Fixtures.PERSCOM)
                .contentType("application/json").body(batch).when().post("/internal/v1/events/batch").then()
                .statusCode(202);

        List<Received> fast = receiver.await("/fast", 40, WAIT);
        Received firstSlow = receiver.received("/slow").get(0);
        java.time.Instant lastFast = fast.get(39).at();
        // The slow endpoint answers 3 s after a request arrives: fast deliveries held behind it would come later.
        assertTrue(lastFast.isBefore(firstSlow.at().plusMillis(2_500)),
                "all 40 fast deliveries arrived while the slow endpoint's first requests were still hanging");
    }

    private List<Map<String, Object>> logs(String webhookId, String param, String value) {
        return admin(tenant).queryParam(param, value).when().get("/api/v1/webhooks/" + webhookId + "/logs").then()
                .statusCode(200).extract().path("data");
    }
}

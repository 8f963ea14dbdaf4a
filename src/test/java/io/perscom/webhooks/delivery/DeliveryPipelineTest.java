package io.perscom.webhooks.delivery;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.OtherReplica;
import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.TestReceiver.Reply;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeliveryPipelineTest extends ReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fansOutOnlyToEnabledSubscribedWebhooksOfTheTenant() throws Exception {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]).replace('A', 'k');
        String subscribed = webhook(tenant, receiver.url("/subscribed"), secret, "user.created", "user.updated");
        webhook(tenant, receiver.url("/disabled"), List.of("user.created"), "post", null, false);
        webhook(tenant, receiver.url("/other-event"), null, "rankrecord.created");
        String otherTenant = freshTenant();
        webhook(otherTenant, receiver.url("/other-tenant"), null, "user.created");

        String eventId = UUID.randomUUID().toString();
        Map<String, Object> body = event(tenant, "user.created", Map.of("id", 7, "name", "Jane/Doe é"));
        body.put("id", eventId);
        body.put("request_id", "req-1");
        body.put("trace_id", "trace-1");
        body.put("changes", Map.of("name", "Jane/Doe é"));
        ingest(body).statusCode(202).body("id", equalTo(eventId)).body("deliveries", equalTo(1))
                .body("duplicate", equalTo(false));

        Received request = receiver.await("/subscribed", 1, WAIT).get(0);
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("Content-Type"));
        assertTrue(request.header("User-Agent").startsWith("perscom-webhooks/"));
        assertEquals("msg_" + eventId, request.header("webhook-id"));
        Verify.post(secret, request);
        assertTrue(request.body().matches("\\{\"event\":\"user.created\",\"created\":\"\\d{4}-\\d\\d-\\d\\dT"
                + "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\",\"request_id\":\"req-1\",\"trace_id\":\"trace-1\","
                + "\"data\":\\{.*\\},\"changes\":\\{\"name\":\"Jane\\\\/Doe \\\\u00e9\"\\}\\}"), request.body());
        JsonNode data = JSON.readTree(request.body()).get("data");
        assertEquals("Jane/Doe é", data.get("name").asText());
        assertEquals(7, data.get("id").asInt());

        assertEquals(1, count("select count(*) from delivery where event_id = ?", UUID.fromString(eventId)));
        assertEquals(1, count("select count(*) from delivery where event_id = ? and webhook_id = ?",
                UUID.fromString(eventId), UUID.fromString(subscribed)));
    }

    @Test
    void getWebhooksCarryThePayloadInTheQueryString() {
        String secret = "a-raw-perscom-secret-0123456789ab";
        webhook(tenant, receiver.url("/get?token=abc"), List.of("awardrecord.updated"), "GET", secret, true);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("name", "Sgt. Doe & Co");
        data.put("tags", List.of("a b", "c"));
        data.put("nickname", null);
        data.put("active", true);
        Map<String, Object> body = event(tenant, "awardrecord.updated", data);
        body.put("request_id", "r/1");
        ingest(body).statusCode(202);

        Received request = receiver.await("/get", 1, WAIT).get(0);
        assertEquals("GET", request.method());
        assertEquals("", request.body());
        String query = request.query();
        assertTrue(query.startsWith("token=abc&event=awardrecord.updated&created="), query);
        assertTrue(query.endsWith("&request_id=r%2F1&data%5Bname%5D=Sgt.%20Doe%20%26%20Co"
                + "&data%5Btags%5D%5B0%5D=a%20b&data%5Btags%5D%5B1%5D=c&data%5Bactive%5D=1"), query);
        String created = java.net.URLDecoder.decode(query.replaceAll(".*&created=([^&]*)&.*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        String signedJson = "{\"event\":\"awardrecord.updated\",\"created\":\"" + created + "\",\"request_id\":"
                + "\"r\\/1\",\"trace_id\":null,\"data\":{\"name\":\"Sgt. Doe & Co\",\"tags\":[\"a b\",\"c\"],"
                + "\"nickname\":null,\"active\":true},\"changes\":null}";
        Verify.perscomSignature(secret, signedJson, request.header("Signature"));
        Verify.standardWebhooks(secret, signedJson, request);
    }

    @Test
    void retriesAfterA500AndLogsEveryAttempt() {
        String secret = "retry-secret-0123456789abcdef";
        String webhookId = webhook(tenant, receiver.url("/flaky"), secret, "user.updated");
        receiver.script("/flaky", Reply.status(500), Reply.status(200));
        String eventId = ingest(event(tenant, "user.updated", Map.of("id", 1))).statusCode(202)
                .extract().path("id");

        List<Received> requests = receiver.await("/flaky", 2, WAIT);
        assertEquals(requests.get(0).body(), requests.get(1).body(), "same body on every attempt");
        assertEquals(requests.get(0).header("webhook-id"), requests.get(1).header("webhook-id"));
        requests.forEach(r -> Verify.post(secret, r));

        List<Map<String, Object>> logs = awaitLogs(webhookId, 2);
        assertEquals("succeeded", logs.get(0).get("outcome"));
        assertEquals(2, logs.get(0).get("attempt"));
        assertEquals(200, logs.get(0).get("response_status"));
        assertEquals("retrying", logs.get(1).get("outcome"));
        assertEquals(500, logs.get(1).get("response_status"));
        assertEquals("Internal Server Error", logs.get(1).get("response_reason"));
        assertEquals("{\"received\":500}", logs.get(1).get("response_body"));
        assertTrue(logs.get(1).get("next_attempt_at") != null);
        assertEquals(eventId, logs.get(1).get("event_id"));
        assertEquals("succeeded", logs.get(1).get("delivery_status"), "the delivery's final outcome");

        admin(tenant).queryParam("outcome", "retrying").when().get("/api/v1/webhooks/" + webhookId + "/logs")
                .then().statusCode(200).body("meta.total", equalTo(1));
        admin(tenant).queryParam("event_id", eventId).queryParam("event", "user.updated")
                .when().get("/api/v1/webhooks/" + webhookId + "/logs").then().body("meta.total", equalTo(2));
        admin(tenant).queryParam("from", "2999-01-01T00:00:00Z")
                .when().get("/api/v1/webhooks/" + webhookId + "/logs").then().body("meta.total", equalTo(0));
    }

    @Test
    void aTimeoutIsLoggedAndRetried() {
        String webhookId = webhook(tenant, receiver.url("/slow"), null, "calendar.created");
        receiver.script("/slow", Reply.status(200).after(Duration.ofMillis(2500)), Reply.status(200));
        ingest(event(tenant, "calendar.created", Map.of("id", 3))).statusCode(202);

        receiver.await("/slow", 2, WAIT);
        List<Map<String, Object>> logs = awaitLogs(webhookId, 2);
        Map<String, Object> first = logs.get(1);
        assertEquals("timeout", first.get("error_kind"));
        assertNull(first.get("response_status"));
        assertTrue(((Number) first.get("duration_ms")).intValue() >= 900, "gave up near the 1 s read timeout");
        assertTrue(((Number) first.get("duration_ms")).intValue() < 2400, "did not wait for the slow answer");
        assertEquals("succeeded", logs.get(0).get("outcome"));
    }

    @Test
    void retryAfterIsHonoured() {
        String webhookId = webhook(tenant, receiver.url("/busy"), null, "event.created");
        receiver.script("/busy", Reply.status(503).withHeader("Retry-After", "2"), Reply.status(200));
        ingest(event(tenant, "event.created", Map.of("id", 4))).statusCode(202);

        List<Received> requests = receiver.await("/busy", 2, WAIT);
        Duration gap = Duration.between(requests.get(0).at(), requests.get(1).at());
        assertTrue(gap.toMillis() >= 1900, "waited for Retry-After (2 s) instead of the 300 ms schedule: " + gap);
        List<Map<String, Object>> logs = awaitLogs(webhookId, 2);
        assertEquals(503, logs.get(1).get("response_status"));
    }

    @Test
    void connectionRefusedIsAnErrorKind() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String webhookId = webhook(tenant, "http://127.0.0.1:" + closedPort + "/gone", null, "message.created");
        ingest(event(tenant, "message.created", Map.of("id", 5))).statusCode(202);
        Map<String, Object> log = awaitLogs(webhookId, 1).get(0);
        assertEquals("connection_refused", log.get("error_kind"));
        assertEquals("retrying", log.get("outcome"));
    }

    @Test
    void anOpenCircuitDefersDeliveriesAndClosesAfterASuccessfulProbe() {
        String webhookId = webhook(tenant, receiver.url("/down"), null, "combatrecord.created");
        receiver.script("/down", Reply.status(500), Reply.status(500), Reply.status(500), Reply.status(200));
        ingest(event(tenant, "combatrecord.created", Map.of("id", 6))).statusCode(202);

        List<Map<String, Object>> logs = Await.until(() -> logs(webhookId),
                l -> l.stream().anyMatch(e -> "succeeded".equals(e.get("outcome"))), WAIT, "a successful probe");
        assertEquals(4, receiver.received("/down").size(), "3 failures, then one probe; nothing while open");
        List<Map<String, Object>> deferred = logs.stream().filter(l -> "deferred".equals(l.get("outcome")))
                .toList();
        assertTrue(!deferred.isEmpty(), "at least one attempt was deferred by the open circuit");
        assertEquals("circuit_open", deferred.get(0).get("error_kind"));
        Map<String, Object> success = logs.get(0);
        assertEquals("succeeded", success.get("outcome"));
        assertEquals(4, success.get("attempt"), "deferrals do not use up attempts");
        assertEquals(200, success.get("response_status"));
    }

    @Test
    void aDeliveryWhoseLeaseExpiredIsSentByAnotherReplica() {
        String webhookId = webhook(tenant, receiver.url("/recovered"), null, "user.deleted");
        webhook(tenant, receiver.url("/held"), null, "user.updated");
        // What a crashed replica leaves behind: deliveries it had leased, one lease already expired, one running for
        // 3 more seconds.
        String payload = "{\"event\":\"user.deleted\",\"data\":{\"id\":9}}";
        assertEquals(1, new OtherReplica("crashed-replica", Duration.ofSeconds(-1)).fanOut(tenant, "user.deleted",
                payload));
        long leaseEnds = System.currentTimeMillis() + 3000;
        assertEquals(1, new OtherReplica("busy-replica", Duration.ofSeconds(3)).fanOut(tenant, "user.updated",
                "{\"event\":\"user.updated\"}"));

        Received recovered = receiver.await("/recovered", 1, WAIT).get(0);
        assertEquals(payload, recovered.body());
        Received held = receiver.await("/held", 1, WAIT).get(0);
        assertTrue(held.at().toEpochMilli() >= leaseEnds - 200,
                "a delivery under a live lease is not taken before the lease ends");
        awaitLogs(webhookId, 1);
    }

    @Test
    void theTestEventIsSentAtOnceAndAnsweredWithItsAttempt() throws Exception {
        String secret = "test-event-secret-0123456789";
        String webhookId = webhook(tenant, receiver.url("/test"), List.of(), "post", secret, false);
        admin(tenant).body(Map.of("hello", "world")).when().post("/api/v1/webhooks/" + webhookId + "/test")
                .then().statusCode(200)
                .body("outcome", equalTo("succeeded"))
                .body("response_status", equalTo(200))
                .body("event_type", equalTo("webhook.test"))
                .body("payload.data.hello", equalTo("world"));
        Received request = receiver.received("/test").get(0);
        Verify.post(secret, request);
        assertEquals("world", JSON.readTree(request.body()).at("/data/hello").asText());

        admin(tenant).when().post("/api/v1/webhooks/" + webhookId + "/test").then().statusCode(200)
                .body("payload.data.status", equalTo("ok"));

        receiver.script("/test", Reply.status(418));
        admin(tenant).body(Map.of("x", 1)).when().post("/api/v1/webhooks/" + webhookId + "/test")
                .then().statusCode(200).body("outcome", equalTo("failed")).body("response_status", equalTo(418));
        admin(freshTenant()).when().post("/api/v1/webhooks/" + webhookId + "/test").then().statusCode(404);
        admin(tenant).body("[1]").when().post("/api/v1/webhooks/" + webhookId + "/test").then().statusCode(422);
    }

    @Test
    void aLoggedAttemptCanBeRedelivered() {
        String secret = "redeliver-secret-0123456789";
        String webhookId = webhook(tenant, receiver.url("/again"), secret, "servicerecord.created");
        ingest(event(tenant, "servicerecord.created", Map.of("id", 8))).statusCode(202);
        Received original = receiver.await("/again", 1, WAIT).get(0);
        String logId = (String) awaitLogs(webhookId, 1).get(0).get("id");

        admin(tenant).when().get("/api/v1/webhooks/" + webhookId + "/logs/" + logId).then().statusCode(200)
                .body("payload.event", equalTo("servicerecord.created"))
                .body("payload.data.id", equalTo(8))
                .body("request_headers.Signature", equalTo("[redacted]"))
                .body("request_headers.webhook-signature", equalTo("v1,[redacted]"));
        String deliveryId = admin(tenant).when().post("/api/v1/webhooks/" + webhookId + "/logs/" + logId
                + "/redeliver").then().statusCode(202).extract().path("delivery_id");

        Received again = receiver.await("/again", 2, WAIT).get(1);
        assertEquals(original.body(), again.body());
        assertEquals(original.header("webhook-id"), again.header("webhook-id"));
        Verify.post(secret, again);
        List<Map<String, Object>> logs = awaitLogs(webhookId, 2);
        assertEquals(deliveryId, logs.get(0).get("delivery_id"));

        String other = freshTenant();
        admin(other).when().get("/api/v1/webhooks/" + webhookId + "/logs").then().statusCode(404);
        admin(other).when().get("/api/v1/webhooks/" + webhookId + "/logs/" + logId).then().statusCode(404);
        admin(other).when().post("/api/v1/webhooks/" + webhookId + "/logs/" + logId + "/redeliver").then()
                .statusCode(404);
    }

    @Test
    void aRedirectIsFollowedWithinTheAttemptAndBigResponsesAreCut() {
        String webhookId = webhook(tenant, receiver.url("/moved"), null, "submission.created");
        receiver.script("/moved", Reply.status(302).withHeader("Location", receiver.url("/elsewhere")));
        receiver.script("/elsewhere", Reply.status(200).withBody("y".repeat(100_000)));
        ingest(event(tenant, "submission.created", Map.of("id", 10))).statusCode(202);

        Received followed = receiver.await("/elsewhere", 1, WAIT).get(0);
        assertEquals("GET", followed.method(), "a 302 turns the POST into a GET, as PERSCOM's sender does");
        List<Map<String, Object>> logs = awaitLogs(webhookId, 1);
        assertEquals(1, logs.size(), "the redirect and its target are one attempt");
        Map<String, Object> big = logs.get(0);
        assertEquals("succeeded", big.get("outcome"));
        assertEquals(2, ((List<?>) big.get("redirects")).size());
        assertEquals(16384, ((String) big.get("response_body")).length(), "body kept up to the 16 KiB cap");
    }

    private List<Map<String, Object>> logs(String webhookId) {
        return admin(tenant).when().get("/api/v1/webhooks/" + webhookId + "/logs").then().statusCode(200)
                .extract().path("data");
    }

    private List<Map<String, Object>> awaitLogs(String webhookId, int count) {
        return Await.until(() -> logs(webhookId), l -> l.size() >= count, WAIT, count + " attempt log(s)");
    }
}

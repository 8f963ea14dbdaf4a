package io.perscom.webhooks.delivery;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PERSCOM's {@code "changes":[]} (created and deleted models): accepted at ingest, delivered as PERSCOM sends it
 * (JSON {@code []}; nothing in a GET query, as {@code http_build_query} writes an empty array), and null in the
 * automation context.
 */
@QuarkusTest
class EmptyChangesDeliveryTest extends ReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptyChangesArrayReachesPostAndGetReceiversAsPerscomSendsIt() throws Exception {
        String secret = "Zq4v9TnR2bWk7YxP3sLm8HcJ5dGf1aQe";
        webhook(tenant, receiver.url("/post"), secret, "user.created");
        webhook(tenant, receiver.url("/get"), List.of("user.created"), "get", secret, true);
        Map<String, Object> body = event(tenant, "user.created", Map.of("id", 5));
        body.put("request_id", "req-9");
        body.put("changes", List.of());
        ingest(body).statusCode(202).body("deliveries", equalTo(2));

        Received post = receiver.await("/post", 1, WAIT).get(0);
        assertTrue(post.body().endsWith(",\"request_id\":\"req-9\",\"trace_id\":null,\"data\":{\"id\":5},"
                + "\"changes\":[]}"), post.body());
        Verify.post(secret, post);

        Received get = receiver.await("/get", 1, WAIT).get(0);
        assertTrue(get.query().endsWith("&request_id=req-9&data%5Bid%5D=5"), get.query());
        // The GET signatures cover the same JSON as the POST body.
        Verify.perscomSignature(secret, post.body(), get.header("Signature"));
        JsonNode created = JSON.readTree(post.body()).get("created");
        assertTrue(get.query().contains("created=" + created.asText().replace(":", "%3A")), get.query());
    }

    @Test
    void anEmptyObjectIsSentAsPhpWouldAndOtherArraysAreRefused() {
        webhook(tenant, receiver.url("/object"), null, "user.deleted");
        Map<String, Object> body = event(tenant, "user.deleted", Map.of("id", 6));
        body.put("changes", Map.of());
        ingest(body).statusCode(202);
        assertTrue(receiver.await("/object", 1, WAIT).get(0).body().endsWith("\"changes\":[]}"));

        body.put("changes", List.of("rank_id"));
        ingest(body).statusCode(422).body("errors[0].field", equalTo("changes"));
    }

    @Test
    void automationsSeeNullChangesWhenNothingChanged() {
        Map<String, Object> preview = new java.util.HashMap<>();
        preview.put("data", Map.of("id", 1));
        preview.put("automation", Map.of("trigger", "user.created", "condition", "changes == null",
                "webhook_payload_template", Map.of()));
        for (Object empty : new Object[] { List.of(), Map.of() }) {
            preview.put("changes", empty);
            JsonNode answer = JSON.valueToTree(admin(tenant).body(preview).when()
                    .post("/api/v1/automations/preview").then().statusCode(200).extract().as(Map.class));
            assertTrue(answer.at("/context").has("changes"), answer.toString());
            assertTrue(answer.at("/context/changes").isNull(), answer.toString());
            assertEquals(true, answer.get("condition_result").asBoolean(), answer.toString());
        }
    }
}

package io.perscom.webhooks.delivery;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Reply;
import io.quarkus.test.junit.QuarkusTest;

/** The attempt log keeps the first 16 KiB of a response body and says when it cut the rest (loopback receiver). */
@QuarkusTest
class ResponseTruncationTest extends ReceiverTest {

    private static final int CAP = 16384;

    @Test
    void aLargeResponseIsMarkedTruncatedWithTheBytesThatArrived() {
        String large = "x".repeat(1024 * 1024);
        receiver.script("/large", Reply.status(200).withBody(large));
        String id = webhook(tenant, receiver.url("/large"), null, "user.created");
        Map<String, Object> attempt = admin(tenant).when().post("/api/v1/webhooks/" + id + "/test").then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals("succeeded", attempt.get("outcome"));
        assertEquals(CAP, ((String) attempt.get("response_body")).length());
        assertEquals(Boolean.TRUE, attempt.get("response_body_truncated"));
        long arrived = ((Number) attempt.get("response_body_bytes")).longValue();
        assertTrue(arrived >= CAP && arrived <= large.length(), "bytes that arrived: " + arrived);

        String logId = (String) attempt.get("id");
        Map<String, Object> stored = admin(tenant).when().get("/api/v1/webhooks/" + id + "/logs/" + logId).then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals(Boolean.TRUE, stored.get("response_body_truncated"));
        assertEquals(arrived, ((Number) stored.get("response_body_bytes")).longValue());
    }

    @Test
    void aSmallResponseIsKeptWholeAndNotMarked() {
        receiver.script("/small", Reply.status(200).withBody("thanks"));
        String id = webhook(tenant, receiver.url("/small"), null, "user.created");
        Map<String, Object> attempt = admin(tenant).when().post("/api/v1/webhooks/" + id + "/test").then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals("thanks", attempt.get("response_body"));
        assertFalse((Boolean) attempt.get("response_body_truncated"));
        assertEquals(6, ((Number) attempt.get("response_body_bytes")).intValue());
    }
}

package io.perscom.webhooks.delivery;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.TestReceiver.Reply;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Redirects followed as PERSCOM's sender (Guzzle's defaults) follows them, every hop checked by the SSRF guard, the
 * whole chain one attempt. Loopback only: 127.0.0.1 is the allow-list, 127.0.0.2 stands for a refused address.
 */
@QuarkusTest
class RedirectDeliveryTest extends ReceiverTest {

    private static final String SECRET = "Zq4v9TnR2bWk7YxP3sLm8HcJ5dGf1aQe";

    @Test
    void temporaryAndPermanentRedirectsKeepThePostBodyAndItsSignatures() {
        String id = webhook(tenant, receiver.url("/old"), SECRET, "user.created");
        receiver.script("/old", Reply.status(307).withHeader("Location", receiver.url("/moved")));
        // A relative Location is resolved against the URL that answered it.
        receiver.script("/moved", Reply.status(308).withHeader("Location", "/new?x=1"));
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202);

        Received first = receiver.await("/old", 1, WAIT).get(0);
        Received last = receiver.await("/new", 1, WAIT).get(0);
        assertEquals("POST", last.method());
        assertEquals("x=1", last.query());
        assertEquals(first.body(), last.body());
        assertEquals(first.header("webhook-signature"), last.header("webhook-signature"));
        Verify.post(SECRET, last);
        assertNull(last.header("Referer"));

        Map<String, Object> log = awaitLogs(id, 1).get(0);
        assertEquals("succeeded", log.get("outcome"));
        assertEquals(200, log.get("response_status"));
        assertEquals(receiver.url("/old"), log.get("url"), "the attempt is logged under the webhook's URL");
        assertEquals(List.of(hop("POST", "/old", 307), hop("POST", "/moved", 308), hop("POST", "/new?x=1", 200)),
                detail(id, log).get("redirects"));
    }

    @Test
    void seeOtherAndFoundTurnThePostIntoAGetWithoutBody() {
        String id = webhook(tenant, receiver.url("/form"), SECRET, "user.updated");
        receiver.script("/form", Reply.status(303).withHeader("Location", receiver.url("/found")));
        receiver.script("/found", Reply.status(302).withHeader("Location", receiver.url("/done")));
        ingest(event(tenant, "user.updated", Map.of("id", 2))).statusCode(202);

        Received original = receiver.await("/form", 1, WAIT).get(0);
        Received found = receiver.await("/found", 1, WAIT).get(0);
        Received done = receiver.await("/done", 1, WAIT).get(0);
        assertEquals("GET", found.method());
        assertEquals("", found.body());
        assertEquals("GET", done.method());
        assertEquals(original.header("Signature"), done.header("Signature"), "same headers on every hop");
        Verify.perscomSignature(SECRET, original.body(), done.header("Signature"));
        Map<String, Object> log = awaitLogs(id, 1).get(0);
        assertEquals(List.of(hop("POST", "/form", 303), hop("GET", "/found", 302), hop("GET", "/done", 200)),
                detail(id, log).get("redirects"));
    }

    @Test
    void aRedirectToAnAddressTheGuardRefusesIsNeverSentAndNotRetried() {
        try (TestReceiver outside = TestReceiver.startOn("127.0.0.2")) {
            String id = webhook(tenant, receiver.url("/hop"), SECRET, "rankrecord.created");
            receiver.script("/hop", Reply.status(307).withHeader("Location", outside.url("/internal")));
            ingest(event(tenant, "rankrecord.created", Map.of("id", 3))).statusCode(202);

            Map<String, Object> log = awaitLogs(id, 1).get(0);
            assertEquals("redirect_refused", log.get("error_kind"));
            assertTrue(((String) log.get("error_message")).contains("127.0.0.2"), (String) log.get("error_message"));
            assertEquals("failed", log.get("outcome"), "a refused redirect is not retried");
            assertNull(log.get("response_status"));
            Map<String, Object> refused = hop("POST", null, null);
            refused.put("url", outside.url("/internal"));
            assertEquals(List.of(hop("POST", "/hop", 307), refused), detail(id, log).get("redirects"));

            // The test event takes the same path.
            admin(tenant).when().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200)
                    .body("error_kind", org.hamcrest.Matchers.equalTo("redirect_refused"));
            assertEquals(2, receiver.received("/hop").size());
            assertEquals(0, outside.received("/internal").size(), "nothing reached 127.0.0.2");
        }
    }

    @Test
    void aLocationThatIsNotHttpIsRefused() {
        String id = webhook(tenant, receiver.url("/ftp"), SECRET, "calendar.created");
        receiver.script("/ftp", Reply.status(301).withHeader("Location", "ftp://127.0.0.1/file"));
        ingest(event(tenant, "calendar.created", Map.of("id", 4))).statusCode(202);
        Map<String, Object> log = awaitLogs(id, 1).get(0);
        assertEquals("redirect_refused", log.get("error_kind"));
        assertTrue(((String) log.get("error_message")).contains("not an http or https URL"));
        assertEquals("failed", log.get("outcome"));
    }

    @Test
    void moreThanFiveRedirectsFailTheAttemptWhichIsRetried() {
        String id = webhook(tenant, receiver.url("/r0"), SECRET, "message.created");
        for (int i = 0; i < 6; i++) {
            receiver.script("/r" + i, Reply.status(307).withHeader("Location", receiver.url("/r" + (i + 1))));
        }
        ingest(event(tenant, "message.created", Map.of("id", 5))).statusCode(202);

        List<Map<String, Object>> logs = awaitLogs(id, 1);
        Map<String, Object> log = logs.get(logs.size() - 1);
        assertEquals(1, log.get("attempt"));
        assertEquals("too_many_redirects", log.get("error_kind"));
        assertEquals("retrying", log.get("outcome"));
        List<?> chain = (List<?>) detail(id, log).get("redirects");
        assertEquals(6, chain.size(), "the request and five redirects; the sixth Location is not followed");
        assertEquals(hop("POST", "/r5", 307), chain.get(5));
        receiver.await("/r5", 1, WAIT);
        assertEquals(0, receiver.received("/r6").size());
    }

    @Test
    void getWebhooksStayGetAcrossRedirects() {
        webhook(tenant, receiver.url("/get"), List.of("user.deleted"), "get", SECRET, true);
        receiver.script("/get", Reply.status(301).withHeader("Location", receiver.url("/got")));
        ingest(event(tenant, "user.deleted", Map.of("id", 6))).statusCode(202);
        Received got = receiver.await("/got", 1, WAIT).get(0);
        assertEquals("GET", got.method());
        assertEquals(receiver.received("/get").get(0).header("Signature"), got.header("Signature"));
    }

    @Test
    void passwordsInARedirectsUrlAreRedactedInTheLog() {
        String id = webhook(tenant, receiver.url("/creds"), SECRET, "awardrecord.created");
        String withPassword = receiver.url("/private").replace("http://", "http://user:hunter2@");
        receiver.script("/creds", Reply.status(307).withHeader("Location", withPassword));
        ingest(event(tenant, "awardrecord.created", Map.of("id", 7))).statusCode(202);
        receiver.await("/private", 1, WAIT);
        Map<String, Object> log = awaitLogs(id, 1).get(0);
        Map<String, Object> redacted = hop("POST", "/private", 200);
        redacted.put("url", withPassword.replace("hunter2", "[redacted]"));
        assertEquals(List.of(hop("POST", "/creds", 307), redacted), detail(id, log).get("redirects"));
    }

    private Map<String, Object> hop(String method, String path, Integer status) {
        Map<String, Object> hop = new java.util.HashMap<>();
        hop.put("method", method);
        hop.put("url", path == null ? null : receiver.url(path));
        hop.put("status", status);
        return hop;
    }

    private Map<String, Object> detail(String webhookId, Map<String, Object> log) {
        return admin(tenant).when().get("/api/v1/webhooks/" + webhookId + "/logs/" + log.get("id")).then()
                .statusCode(200).extract().path("");
    }

    private List<Map<String, Object>> awaitLogs(String webhookId, int count) {
        return Await.until(() -> admin(tenant).when().get("/api/v1/webhooks/" + webhookId + "/logs").then()
                .statusCode(200).extract().<List<Map<String, Object>>> path("data"), l -> l.size() >= count, WAIT,
                count + " attempt log(s)");
    }
}

package io.perscom.webhooks.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.TestReceiver;
import io.perscom.webhooks.support.Verify;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * End to end against the local stack of {@code deploy/local/run.sh}: the production jar on a real PostgreSQL, with
 * real access tokens that Keycloak issues by client credentials to the clients of
 * {@code deploy/local/keycloak/perscom-realm.json}. Deliveries go to a real receiver on 127.0.0.1, which checks
 * both signatures.
 *
 * <p>
 * Run it with {@code deploy/local/e2e.sh} (starts the stack on fresh ports and a fresh database, runs this test with
 * {@code -Pe2e}, stops the stack). Against a stack already running:
 * {@code ./mvnw test -Pe2e -De2e.service-url=http://localhost:8080 -De2e.keycloak-url=http://localhost:8180}. It is
 * excluded from {@code ./mvnw verify}.
 */
class LocalStackE2ETest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final String HOOK_PATH = "/e2e/user-created";

    private static String serviceUrl;
    private static String tokenUrl;
    private static TestReceiver receiver;

    @BeforeAll
    static void setUp() {
        serviceUrl = stripSlash(required("e2e.service-url"));
        tokenUrl = stripSlash(required("e2e.keycloak-url")) + "/realms/perscom/protocol/openid-connect/token";
        receiver = TestReceiver.start();
    }

    @AfterAll
    static void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void withoutTokenIs401() {
        given().baseUri(serviceUrl).accept(ContentType.JSON)
                .get("/api/v1/webhooks")
                .then().statusCode(401);
        given().baseUri(serviceUrl).contentType(ContentType.JSON)
                .body(event("tenant-a"))
                .post("/internal/v1/events")
                .then().statusCode(401);
    }

    @Test
    void withoutManageWebhookScopeIs403() {
        String viewer = token("tenant-a-viewer");
        assertEquals("tenant-a", claim(viewer, "tenant_id"), "the viewer token names its tenant");
        as(viewer).get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void aReadOnlyAdminReadsButChangesNothing() {
        String reader = token("tenant-a-reader");
        assertTrue(claim(reader, "scope").contains("view_any_webhook"), "tenant-a-reader's scope claim");
        assertFalse(claim(reader, "scope").contains("manage:webhook"), "no broad scope");
        as(reader).get("/api/v1/webhooks").then().statusCode(200);
        as(reader).get("/api/v1/automations").then().statusCode(200);
        as(reader).body(Map.of("url", receiver.url("/e2e/reader"))).post("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void perscomReportsPlansWithItsServiceAccount() {
        String perscom = token("perscom-service");
        assertTrue(claim(perscom, "scope").contains("manage:tenant"), "perscom-service's scope claim");
        as(perscom).get("/internal/v1/tenants/tenant-a/plan").then().statusCode(200)
                .body("entitled", equalTo(true));
        as(token("tenant-a-admin")).get("/internal/v1/tenants/tenant-a/plan").then().statusCode(403);
    }

    @Test
    void serviceAccountCannotUseTheAdminApiNorAdminsTheIngestApi() {
        as(token("perscom-service")).get("/api/v1/webhooks").then().statusCode(403);
        as(token("tenant-a-admin")).body(event("tenant-a")).post("/internal/v1/events").then().statusCode(403);
    }

    @Test
    void deliversASignedEventAndLogsTheAttempt() {
        String adminA = token("tenant-a-admin");
        String adminB = token("tenant-b-admin");
        String perscom = token("perscom-service");
        assertTrue(claim(adminA, "scope").contains("manage:webhook"), "tenant-a-admin's scope claim");
        assertTrue(claim(perscom, "scope").contains("publish:event"), "perscom-service's scope claim");

        // A tenant-a admin subscribes a receiver to user.created, with a Standard Webhooks secret.
        String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));
        JsonPath created = as(adminA)
                .body(Map.of("url", receiver.url(HOOK_PATH), "events", List.of("user.created"), "secret", secret))
                .post("/api/v1/webhooks")
                .then().statusCode(201)
                .body("secret", equalTo(secret))
                .extract().jsonPath();
        String webhookId = created.getString("id");
        assertNotNull(webhookId, "webhook id");

        // Tenants are isolated: tenant-b's admin does not see it.
        as(adminB).get("/api/v1/webhooks/" + webhookId).then().statusCode(404);
        as(adminB).get("/api/v1/webhooks/" + webhookId + "/logs").then().statusCode(404);
        as(adminA).get("/api/v1/webhooks/" + webhookId).then().statusCode(200).body("id", equalTo(webhookId));

        // PERSCOM publishes the event: accepted once committed, one delivery (the only tenant-a webhook).
        JsonPath accepted = as(perscom)
                .body(event("tenant-a"))
                .post("/internal/v1/events")
                .then().statusCode(202)
                .body("duplicate", equalTo(false))
                .extract().jsonPath();
        String eventId = accepted.getString("id");
        assertEquals(1, accepted.getInt("deliveries"),
                "deliveries queued; expects a fresh database where tenant-a has no other webhook (e2e.sh makes one)");

        // The receiver gets it, signed both ways.
        TestReceiver.Received request = receiver.await(HOOK_PATH, 1, DELIVERY_TIMEOUT).get(0);
        assertEquals("POST", request.method());
        Verify.post(secret, request);
        assertEquals("msg_" + eventId, request.header("webhook-id"));
        JsonPath body = JsonPath.from(request.body());
        assertEquals("user.created", body.getString("event"));
        assertEquals("Jane", body.getString("data.name"));

        // The attempt shows up in the webhook's log.
        Map<String, Object> attempt = awaitSucceededAttempt(adminA, webhookId);
        assertEquals(200, attempt.get("response_status"));
        assertEquals(eventId, attempt.get("event_id"));
        assertEquals("user.created", attempt.get("event_type"));

        // Leave tenant-a as it was, so the test can run again against the same stack.
        as(adminA).delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);
    }

    private static Map<String, Object> awaitSucceededAttempt(String token, String webhookId) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Response logs = as(token).get("/api/v1/webhooks/" + webhookId + "/logs");
            assertEquals(200, logs.statusCode(), () -> "logs: " + logs.asString());
            last = logs.asString();
            List<Map<String, Object>> data = logs.jsonPath().getList("data");
            Optional<Map<String, Object>> succeeded = data.stream()
                    .filter(a -> "succeeded".equals(a.get("outcome")))
                    .findFirst();
            if (succeeded.isPresent()) {
                return succeeded.get();
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("No succeeded attempt in the logs within " + DELIVERY_TIMEOUT + "; last answer: "
                + last);
    }

    /** An access token for a client of the perscom realm, by client credentials (secret: client id + "-secret"). */
    private static String token(String clientId) {
        Response answer = given()
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .post(tokenUrl);
        assertEquals(200, answer.statusCode(), () -> "token for " + clientId + ": " + answer.asString());
        return answer.jsonPath().getString("access_token");
    }

    /** A claim of a JWT as text (the signature is the service's business; the test only reads what it sends). */
    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Object value = JsonPath.from(payload).get(name);
        return value == null ? "" : value.toString();
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(serviceUrl).auth().oauth2(token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static Map<String, Object> event(String tenant) {
        return Map.of("tenant_id", tenant, "event", "user.created", "data", Map.of("id", 1, "name", "Jane"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property
                    + " is not set: run deploy/local/e2e.sh, or ./mvnw test -Pe2e -D" + property + "=...");
        }
        return value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package io.perscom.webhooks.packaged;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The production artifact (target/quarkus-app, prod profile, JSON logs) started as a separate process against the
 * real test database: it migrates, becomes ready, authenticates real tokens, and delivers signed events to a
 * loopback receiver. This run is also the training run of the JDK AOT cache (app.aot) the image ships.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ProductionSettings.class, restrictToAnnotatedClass = true)
class PackagedApplicationIT extends ReceiverTest {

    private static final String SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void isReadyWithTheSchemaMigrated() {
        management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        management().when().get("/q/health/started").then().statusCode(200)
                .body("checks.find { it.name == 'schema' }.data.version", matchesPattern("\\d+"));
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("webhooks_"));
        management().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/webhooks"));
        // Not on the service port, and no Swagger UI in production unless configured.
        given().when().get("/q/metrics").then().statusCode(404);
        management().when().get("/q/swagger-ui/").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification management() {
        return given().baseUri("http://127.0.0.1").port(ProductionSettings.managementPort());
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().when().get("/api/v1/webhooks").then().statusCode(401);
        given().auth().oauth2(io.perscom.webhooks.support.TestTokens.wrongIssuer(tenant))
                .when().get("/api/v1/webhooks").then().statusCode(401);
        given().auth().oauth2(io.perscom.webhooks.support.TestTokens.withScope(tenant, "openid"))
                .when().get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void deliversSignedEventsAndLogsEveryAttempt() {
        String webhookId = webhook(tenant, receiver.url("/hook"), SECRET, "user.created");
        int events = 20;
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(event(tenant, "user.created", Map.of("id", i, "name", "Soldier " + i)));
        }
        for (Map<String, Object> one : batch) {
            ingest(one).statusCode(202).body("deliveries", equalTo(1));
        }

        List<Received> received = receiver.await("/hook", events, WAIT);
        assertEquals(events, received.size());
        received.forEach(request -> Verify.post(SECRET, request));
        admin(tenant).queryParam("outcome", "succeeded").when().get("/api/v1/webhooks/" + webhookId + "/logs")
                .then().statusCode(200).body("meta.total", equalTo(events));
    }

    @Test
    void logsAsJsonLines() throws IOException {
        Path log = Path.of("target", "quarkus.log");
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"message\":\"perscom-webhooks")), log.toString());
        assertTrue(lines.stream().filter(line -> line.startsWith("{")).count() * 10 >= lines.size() * 9,
                "most lines of " + log + " should be JSON objects");
    }

    @Test
    void startsWithoutWarnings() throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> warnings = new ArrayList<>();
        boolean started = false;
        for (String line : Files.readAllLines(Path.of("target", "quarkus.log"))) {
            if (line.startsWith("{")) {
                var entry = json.readTree(line);
                String message = entry.path("message").asText();
                started |= message.contains(" started in ");
                boolean warning = List.of("WARN", "WARNING", "ERROR").contains(entry.path("level").asText());
                // Before the start line: nothing. After it, while the tests drive the service: no meter clashes.
                if (warning && (!started || message.contains("already registered"))) {
                    warnings.add(line);
                }
            }
        }
        assertTrue(started, "no start line in target/quarkus.log");
        assertEquals(List.of(), warnings, "an ordinary start logs no warnings");
    }
}

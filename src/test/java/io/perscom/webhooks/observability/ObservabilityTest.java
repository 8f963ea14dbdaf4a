package io.perscom.webhooks.observability;

import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.perscom.webhooks.support.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.LogCapture;
import io.perscom.webhooks.support.TestReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ObservabilityTest {

    @Test
    void probesReportTheDatabaseAndTheSchema() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("PostgreSQL")));
        management().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'schema' }.data.version", equalTo(latestMigration()));
    }

    @Test
    void deliveriesAreCountedTimedAndLoggedWithTheirIds() {
        String tenant = freshTenant();
        try (TestReceiver receiver = TestReceiver.start(); LogCapture log = LogCapture.start()) {
            String webhookId = webhook(tenant, receiver.url("/metrics"), null, "qualificationrecord.created");
            double before = metric("webhooks_events_ingested_total\\{event_type=\"qualificationrecord.created\"");
            Map<String, Object> body = event(tenant, "qualificationrecord.created", Map.of("id", 1));
            body.put("trace_id", "trace-observability-1");
            String eventId = ingest(body).statusCode(202).extract().path("id");
            receiver.await("/metrics", 1, Duration.ofSeconds(10));

            Await.until(() -> metric("webhooks_events_ingested_total\\{event_type=\"qualificationrecord.created\""),
                    value -> value == before + 1, Duration.ofSeconds(10), "the ingest counter");
            Await.until(() -> metric("webhooks_delivery_attempts_total\\{outcome=\"succeeded\""),
                    value -> value >= 1, Duration.ofSeconds(10), "the attempt counter");
            String scrape = scrape();
            assertTrue(scrape.contains("webhooks_delivery_attempt_duration_seconds_bucket{result=\"2xx\""), "histogram");
            assertTrue(scrape.contains("webhooks_deliveries_completed_total{status=\"succeeded\""));
            assertTrue(scrape.contains("webhooks_queue_due_deliveries"));
            assertTrue(scrape.contains("webhooks_queue_oldest_due_age_seconds"));
            assertTrue(scrape.contains("webhooks_circuits_open"));
            assertTrue(scrape.contains("webhooks_dispatcher_in_flight"));

            // This delivery's line: other tests' deliveries may be attempted meanwhile.
            int line = Await.until(() -> indexOf(log.lines(), "Delivery attempt 1/4 to webhook " + webhookId),
                    i -> i >= 0, Duration.ofSeconds(10), "a log line about the attempt");
            Map<String, String> fields = log.mdc().get(line);
            assertEquals(eventId, fields.get("event_id"));
            assertEquals("trace-observability-1", fields.get("trace_id"));
            assertEquals(tenant, fields.get("tenant_id"));
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithItsScopeAndErrors() {
        JsonPath doc = management().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        for (String path : List.of("/api/v1/webhooks", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/secret",
                "/api/v1/webhooks/{id}/logs", "/api/v1/webhooks/{id}/logs/{logId}",
                "/api/v1/webhooks/{id}/logs/{logId}/redeliver", "/api/v1/webhooks/{id}/test",
                "/api/v1/event-types", "/internal/v1/events", "/internal/v1/events/batch")) {
            assertTrue(paths.containsKey(path), "documented: " + path);
            paths.get(path).forEach((method, op) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                assertTrue(responses.containsKey("401") && responses.containsKey("403"), path + " " + method);
                assertTrue(String.valueOf(op.get("description")).contains("Requires scope"), path + " " + method);
                assertTrue(op.get("summary") != null, "summary of " + method + " " + path);
            });
        }
        assertTrue(((Map<?, ?>) paths.get("/internal/v1/events").get("post").get("responses")).containsKey("413"));
        management().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** The highest version among src/main/resources/db/migration/V*__*.sql. */
    private static String latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String scrape() {
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double metric(String seriesRegex) {
        Matcher m = Pattern.compile("(?m)^" + seriesRegex + "[^}]*} ([0-9.eE+-]+)$").matcher(scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

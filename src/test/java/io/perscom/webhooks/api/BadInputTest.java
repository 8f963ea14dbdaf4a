package io.perscom.webhooks.api;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.PERSCOM;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every endpoint that reads a body or an id, fed malformed, truncated, mistyped, oversized, deeply nested and
 * non-UTF-8 input: each answer is a 4xx problem+json, and the tenant's rows are unchanged afterwards.
 */
@QuarkusTest
class BadInputTest {

    private static final List<String> TABLES = List.of("webhook", "automation", "event", "delivery",
            "delivery_attempt", "automation_log", "automation_job");

    private String tenant;
    private String webhookId;
    private String automationId;

    @BeforeEach
    void fixtures() {
        tenant = freshTenant();
        webhookId = admin(tenant).body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("user.created")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        automationId = admin(tenant).body(Map.of("name", "a", "trigger", "user.created", "webhook_id", webhookId,
                "webhook_payload_template", Map.of("x", "{{ model.id }}")))
                .when().post("/api/v1/automations").then().statusCode(201).extract().path("id");
    }

    /**
     * {@code freeForm}: the body is the admin's own JSON (the test event's data), so field-level oddities are data,
     * not errors; {@code optionalBody}: an absent or null body means "use the defaults".
     */
    private record Endpoint(String method, String path, boolean ingest, boolean freeForm, boolean optionalBody) {
        Endpoint(String method, String path, boolean ingest) {
            this(method, path, ingest, false, false);
        }
    }

    private static final List<String> DATA_ODDITIES = List.of("wrong types", "unknown fields", "unknown event types",
            "nul character");

    private List<Endpoint> endpoints() {
        String w = "/api/v1/webhooks/" + webhookId;
        String a = "/api/v1/automations/" + automationId;
        return List.of(new Endpoint("POST", "/api/v1/webhooks", false), new Endpoint("PUT", w, false),
                new Endpoint("PATCH", w, false), new Endpoint("POST", w + "/test", false, true, true),
                new Endpoint("POST", w + "/secret/rotate", false, false, true), new Endpoint("POST", "/api/v1/automations", false),
                new Endpoint("PUT", a, false), new Endpoint("PATCH", a, false),
                new Endpoint("POST", a + "/preview", false), new Endpoint("POST", "/api/v1/automations/preview", false),
                new Endpoint("POST", "/internal/v1/events", true), new Endpoint("POST", "/internal/v1/events/batch", true));
    }

    private static Map<String, byte[]> badBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed", utf8("{\"url\": \"https://example.com\", ]"));
        bodies.put("truncated", utf8("{\"url\": \"https://exa"));
        bodies.put("wrong types", utf8("{\"url\": 5, \"name\": [], \"events\": \"user.created\", \"enabled\": \"yes\","
                + " \"tenant_id\": 7, \"event\": {}, \"data\": \"x\", \"trigger\": 3, \"priority\": \"high\"}"));
        bodies.put("unknown fields", utf8("{\"bogus\": 1, \"url\": \"https://example.com\"}"));
        bodies.put("huge strings", utf8("{\"name\": \"" + "x".repeat(300_000) + "\", \"url\": \"https://e.com/"
                + "y".repeat(10_000) + "\", \"tenant_id\": \"" + "t".repeat(70_000) + "\"}"));
        bodies.put("deep nesting", utf8("{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        bodies.put("deep objects", utf8("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
        bodies.put("invalid utf-8", new byte[] { '{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                (byte) 0xFF, '"', '}' });
        bodies.put("unknown event types", utf8("{\"tenant_id\": \"t1\", \"event\": \"user.exploded\", \"data\": {},"
                + " \"url\": \"https://example.com\", \"events\": [\"user.exploded\"], \"trigger\": \"nope.created\","
                + " \"name\": \"n\", \"webhook_id\": \"00000000-0000-0000-0000-000000000000\","
                + " \"webhook_payload_template\": {}}"));
        bodies.put("not an object", utf8("\"just a string\""));
        bodies.put("null", utf8("null"));
        bodies.put("nul character", utf8("{\"url\": \"https://example.com/\\u0000\", \"name\": \"a\\u0000b\"}"));
        return bodies;
    }

    @Test
    void everyBadBodyGetsA4xxProblemAndChangesNothing() {
        Map<String, Long> before = rows();
        // The test endpoint stores an event and an attempt for what it does send; only refusals are checked here.
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String token = endpoint.ingest() ? PERSCOM : TestTokens.admin(tenant);
            for (Map.Entry<String, byte[]> body : badBodies().entrySet()) {
                if ((endpoint.freeForm() && DATA_ODDITIES.contains(body.getKey()))
                        || (endpoint.optionalBody() && body.getKey().equals("null"))) {
                    continue;
                }
                byte[] bytes = body.getValue();
                if (endpoint.path().endsWith("/batch")) {
                    bytes = wrapInArray(bytes);
                }
                Response response = given().auth().oauth2(token).contentType("application/json").body(bytes)
                        .when().request(endpoint.method(), endpoint.path());
                check(endpoint + " " + body.getKey(), response, failures);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, rows(), "no row of the tenant changed");
    }

    @Test
    void idsThatAreTraversalsOrForeignAreNotFound() {
        String other = freshTenant();
        List<String> failures = new ArrayList<>();
        List<String> ids = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..;", "0", "%27%20or%201%3D1%20--",
                "00000000-0000-0000-0000-000000000000", webhookId + "%00", webhookId.toUpperCase() + "x");
        for (String id : ids) {
            List<String> paths = new ArrayList<>(List.of("/api/v1/webhooks/" + id, "/api/v1/webhooks/" + id + "/logs",
                    "/api/v1/webhooks/" + id + "/secret", "/api/v1/automations/" + id,
                    "/api/v1/automations/" + id + "/logs"));
            if (!id.equals("%2e%2e")) {
                // ".../logs/%2e%2e" is a dot segment: HTTP normalizes it to the caller's own webhook, by design.
                paths.add("/api/v1/webhooks/" + webhookId + "/logs/" + id);
            }
            for (String path : paths) {
                check("GET " + path, admin(tenant).urlEncodingEnabled(false).when().get(path), failures);
            }
        }
        for (String path : List.of("/api/v1/webhooks/" + webhookId, "/api/v1/webhooks/" + webhookId + "/secret",
                "/api/v1/automations/" + automationId, "/api/v1/webhooks/" + webhookId + "/logs")) {
            Response response = admin(other).when().get(path);
            if (response.statusCode() != 404) {
                failures.add("foreign " + path + " -> " + response.statusCode());
            }
        }
        Map<String, Object> foreignBody = Map.of("url", "https://example.com/taken");
        Response takeover = admin(other).body(foreignBody).when().put("/api/v1/webhooks/" + webhookId);
        if (takeover.statusCode() != 404) {
            failures.add("foreign PUT -> " + takeover.statusCode());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        admin(tenant).when().get("/api/v1/webhooks/" + webhookId).then().statusCode(200);
    }

    private static void check(String what, Response response, List<String> failures) {
        int status = response.statusCode();
        String type = String.valueOf(response.contentType());
        if (status < 400 || status >= 500) {
            failures.add(what + " -> " + status + " " + response.asString().substring(0,
                    Math.min(200, response.asString().length())));
        } else if (status != 431 && !type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " with content type " + type);
        }
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, count("select count(*) from " + table + " where tenant_id = ?",
                tenant)));
        return rows;
    }

    private static byte[] wrapInArray(byte[] body) {
        byte[] wrapped = new byte[body.length + 2];
        wrapped[0] = '[';
        System.arraycopy(body, 0, wrapped, 1, body.length);
        wrapped[wrapped.length - 1] = ']';
        return wrapped;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

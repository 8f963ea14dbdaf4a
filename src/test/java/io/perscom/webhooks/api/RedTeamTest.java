package io.perscom.webhooks.api;

import static io.perscom.webhooks.support.RawBytes.hex;
import static io.perscom.webhooks.support.RawBytes.utf8;
import static io.perscom.webhooks.support.RawBytes.withBytes;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.PERSCOM;
import static io.perscom.webhooks.support.Fixtures.execute;
import static io.perscom.webhooks.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perscom.webhooks.egress.EgressGuard;
import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.PostgresTestDatabase;
import io.perscom.webhooks.support.RawHttp;
import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The red-team suite (issue 13): hostile input over every endpoint, one named test per case. Each case asserts its
 * status and problem+json body (or, for a preview that fails while running, status {@code failed} with the limit it
 * hit), that none of the tenant's rows changed, and that the service's health check still answers afterwards.
 * All traffic goes to the loopback service; the SSRF URLs are only ever offered to the save-time check.
 */
@QuarkusTest
class RedTeamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("webhook", "automation", "event", "delivery",
            "delivery_attempt", "automation_log", "automation_job");
    private static final String PROBLEMS = "https://perscom.io/problems/";
    private static final String RUNAWAY_NAME = "a".repeat(30) + "b";

    @Inject
    EgressGuard guard;

    private String tenant;
    private String webhookId;
    private String automationId;
    /** Hostile input that saves, and fails only while running: the answer to saving it, by case name. */
    private final Map<String, Response> savedHostile = new LinkedHashMap<>();

    /** What a case sends: through REST Assured, or raw over a socket when the client would refuse to send it. */
    private interface Send {
        Answer send() throws IOException;
    }

    private record Answer(int status, String contentType, JsonNode body) {
    }

    /**
     * What a case expects: a problem with {@code status} (and {@code field} among its errors when not null), or,
     * with {@code status} 200, a preview that failed with one of {@code errorKinds}.
     */
    private record Expect(int status, String field, Set<String> errorKinds) {
        static Expect problem(int status, String field) {
            return new Expect(status, field, Set.of());
        }

        static Expect problem(int status) {
            return new Expect(status, null, Set.of());
        }

        static Expect previewFails(String... kinds) {
            return new Expect(200, null, Set.of(kinds));
        }

        /** A list answered with no rows (a filter that matches nothing is not an error). */
        static Expect emptyPage() {
            return new Expect(200, "data", Set.of());
        }

        boolean isProblem() {
            return status >= 400;
        }
    }

    private record Case(String name, Send send, Expect expect) {
    }

    /** Tenant-controlled computation: {@code template} (a payload template string) or {@code condition}. */
    private record Hostile(String name, String condition, String template, String renderMode, Expect atSave,
            Expect atRun) {
        static Hostile template(String name, String template, Expect atSave, Expect atRun) {
            return new Hostile(name, null, template, null, atSave, atRun);
        }

        static Hostile typed(String name, String template, Expect atSave, Expect atRun) {
            return new Hostile(name, null, template, "typed", atSave, atRun);
        }

        static Hostile condition(String name, String condition, Expect atSave, Expect atRun) {
            return new Hostile(name, condition, null, null, atSave, atRun);
        }

        boolean saves() {
            return atSave == null;
        }
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    @BeforeEach
    void fixtures() {
        tenant = freshTenant();
        webhookId = created("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/x", "events",
                List.of("user.created")));
        automationId = created("/api/v1/automations", automation(null, "{{ model.id }}", null));
        savedHostile.clear();
        for (Hostile hostile : hostiles()) {
            if (hostile.saves()) {
                Map<String, Object> body = automation(hostile.condition(), hostile.template(), hostile.renderMode());
                body.put("enabled", false);
                savedHostile.put(hostile.name(), given().auth().oauth2(TestTokens.admin(tenant))
                        .contentType("application/json").body(body).when().post("/api/v1/automations"));
            }
        }
    }

    private String created(String path, Object body) {
        return given().auth().oauth2(TestTokens.admin(tenant)).contentType("application/json").body(body)
                .when().post(path).then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> automation(String condition, String template, String renderMode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "red team");
        body.put("trigger", "user.created");
        body.put("webhook_id", webhookId);
        if (condition != null) {
            body.put("condition", condition);
        }
        body.put("webhook_payload_template", Map.of("x", template == null ? "{{ model.id }}" : template));
        if (renderMode != null) {
            body.put("render_mode", renderMode);
        }
        return body;
    }

    // ------------------------------------------------------------------------------- 1. tenant-controlled computation

    private static List<Hostile> hostiles() {
        Expect refusedTemplate = Expect.problem(422, "webhook_payload_template.x");
        Expect refusedCondition = Expect.problem(422, "condition");
        String doubling = "'aa'" + "|replace({'a':'aa'})".repeat(25);
        // Only strings containing "{{" are rendered (PERSCOM's rule), so the loops print with {{ }}.
        String deepLoops = "{% for a in 1..1000 %}{% for b in 1..1000 %}{% for c in 1..1000 %}{{ c }}{% endfor %}"
                + "{% endfor %}{% endfor %}";
        List<Hostile> hostiles = new ArrayList<>();
        hostiles.add(Hostile.template("string doubling inside #{}", "{{ \"#{ " + doubling + " }\" }}", null,
                Expect.previewFails("output", "cpu", "time")));
        hostiles.add(Hostile.template("string doubling", "{{ " + doubling + " }}", null,
                Expect.previewFails("output", "cpu", "time")));
        for (String refused : List.of("include('x')", "constant('PHP_VERSION')", "source('x')", "dump()",
                "template_from_string('{{ 1 }}')")) {
            hostiles.add(Hostile.template("#{} reaching " + refused, "{{ \"#{ " + refused + " }\" }}",
                    refusedTemplate, null));
            hostiles.add(Hostile.template(refused, "{{ " + refused + " }}", refusedTemplate, null));
        }
        hostiles.add(Hostile.template("20,000 nested parentheses", "{{ " + "(".repeat(20_000) + "1"
                + ")".repeat(20_000) + " }}", refusedTemplate, null));
        hostiles.add(Hostile.template("20,000 unary minus", "{{ " + "-".repeat(20_000) + "1 }}", refusedTemplate,
                null));
        hostiles.add(Hostile.template("20,000 nested lists", "{{ " + "[".repeat(20_000) + "]".repeat(20_000)
                + "|length }}", refusedTemplate, null));
        hostiles.add(Hostile.template("abs chained 15,000 times", "{{ 1" + "|abs".repeat(15_000) + " }}",
                refusedTemplate, null));
        hostiles.add(Hostile.template("range(1, 100000000)", "{{ range(1, 100000000)|length }}", null,
                Expect.previewFails("collection")));
        hostiles.add(Hostile.template("1..100000000", "{{ (1..100000000)|length }}", null,
                Expect.previewFails("collection")));
        hostiles.add(Hostile.template("three nested for-loops of 1,000", deepLoops, null,
                Expect.previewFails("output", "cpu", "time")));
        hostiles.add(Hostile.template("big join", "{{ range(1, 9999)|join('" + "x".repeat(100) + "') }}", null,
                Expect.previewFails("output")));
        hostiles.add(Hostile.template("joins repeated in a loop",
                "{% for i in 1..10000 %}{{ range(1, 9999)|join(',') }}{% endfor %}", null,
                Expect.previewFails("output", "cpu", "time")));
        hostiles.add(Hostile.template("huge sprintf width", "{{ '%099999999d'|format(1) }}", null,
                Expect.previewFails("output")));
        hostiles.add(Hostile.typed("1.0/0 in typed rendering", "{{ 1.0/0 }}", null, Expect.previewFails("template")));
        // Twig's lexer reads an exponent only with its sign: 1e400 is a syntax error, 1e+400 is INF.
        hostiles.add(Hostile.typed("1e400 in typed rendering", "{{ 1e400 }}", refusedTemplate, null));
        hostiles.add(Hostile.typed("1e+400 in typed rendering", "{{ 1e+400 }}", null,
                Expect.previewFails("template")));
        hostiles.add(Hostile.typed("-1e+400 in typed rendering", "{{ -1e+400 }}", null,
                Expect.previewFails("template")));
        hostiles.add(Hostile.condition("catastrophic regex on a 31-character name",
                "model[\"name\"] matches \"/^(.*a){20}$/\"", null, Expect.previewFails("regex", "cpu", "time")));
        hostiles.add(Hostile.condition("20,000 nested parentheses", "(".repeat(20_000) + "true" + ")".repeat(20_000),
                refusedCondition, null));
        hostiles.add(Hostile.condition("20,000 unary minus", "-".repeat(20_000) + "1 == 1", refusedCondition, null));
        hostiles.add(Hostile.condition("20,000 nested lists", "[".repeat(20_000) + "]".repeat(20_000) + " == []",
                refusedCondition, null));
        hostiles.add(Hostile.condition("20,000 nots", "not ".repeat(20_000) + "true", refusedCondition, null));
        hostiles.add(Hostile.condition("1..100000000", "5 in 1..100000000", null,
                Expect.previewFails("collection")));
        // constant() is one of ExpressionLanguage's own functions: it saves, and reads no PHP constant when run.
        hostiles.add(Hostile.condition("constant()", "constant('PHP_VERSION') == '8'", null,
                Expect.previewFails("condition")));
        return hostiles;
    }

    @TestFactory
    Stream<DynamicTest> tenantControlledComputation() {
        List<Case> cases = new ArrayList<>();
        String a = "/api/v1/automations/" + automationId;
        for (Hostile hostile : hostiles()) {
            Map<String, Object> full = automation(hostile.condition(), hostile.template(), hostile.renderMode());
            Map<String, Object> preview = new LinkedHashMap<>();
            preview.put("automation", full);
            preview.put("data", Map.of("id", 1, "name", RUNAWAY_NAME));
            String kind = (hostile.condition() != null ? "condition " : "template ") + hostile.name();
            if (!hostile.saves()) {
                Map<String, Object> patch = new LinkedHashMap<>(full);
                patch.keySet().retainAll(Set.of("condition", "webhook_payload_template"));
                cases.add(new Case(kind + ": create", admin("POST", "/api/v1/automations", full), hostile.atSave()));
                cases.add(new Case(kind + ": replace", admin("PUT", a, full), hostile.atSave()));
                cases.add(new Case(kind + ": patch", admin("PATCH", a, patch), hostile.atSave()));
                cases.add(new Case(kind + ": unsaved preview", admin("POST", "/api/v1/automations/preview", preview),
                        hostile.atSave()));
            } else {
                cases.add(new Case(kind + ": unsaved preview", admin("POST", "/api/v1/automations/preview", preview),
                        hostile.atRun()));
                Response saved = savedHostile.get(hostile.name());
                cases.add(new Case(kind + ": saved preview", () -> {
                    assertEquals(201, saved.statusCode(), kind + " saves: " + saved.asString());
                    return admin("POST", "/api/v1/automations/" + saved.path("id") + "/preview",
                            Map.of("data", preview.get("data"))).send();
                }, hostile.atRun()));
            }
        }
        return tests(cases);
    }

    /**
     * Saved automations that fail only while running log {@code failed} with the limit they hit, and the tenant's
     * other automation for the same event still runs.
     */
    @Test
    void savedAutomationsThatFailWhileRunningLogTheirLimitAndTheOthersStillRun() {
        Map<String, Hostile> failing = new LinkedHashMap<>();
        for (Hostile hostile : hostiles()) {
            if (hostile.saves()) {
                Map<String, Object> body = automation(hostile.condition(), hostile.template(), hostile.renderMode());
                body.put("trigger", "user.updated");
                failing.put(created("/api/v1/automations", body), hostile);
            }
        }
        Map<String, Object> good = automation(null, "{{ model.id }}", null);
        good.put("trigger", "user.updated");
        good.put("priority", -1);
        String next = created("/api/v1/automations", good);
        given().auth().oauth2(PERSCOM).contentType("application/json").body(Map.of("tenant_id", tenant, "event",
                "user.updated", "data", Map.of("id", 1, "name", RUNAWAY_NAME))).when().post("/internal/v1/events")
                .then().statusCode(202);

        assertEquals("executed", awaitRun(next).path("status").asText());
        failing.forEach((id, hostile) -> {
            JsonNode run = awaitRun(id);
            assertEquals("failed", run.path("status").asText(), hostile.name() + ": " + run);
            assertTrue(hostile.atRun().errorKinds().contains(run.path("error_kind").asText()),
                    hostile.name() + ": " + run);
        });
        management().when().get("/q/health").then().statusCode(200);
    }

    private JsonNode awaitRun(String automation) {
        return Await.until(() -> {
            try {
                return JSON.readTree(given().auth().oauth2(TestTokens.admin(tenant)).when()
                        .get("/api/v1/automations/" + automation + "/logs").then().statusCode(200).extract().asString())
                        .path("data");
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }, data -> data.size() > 0, Duration.ofSeconds(30), "a run of " + automation).get(0);
    }

    // -------------------------------------------------------------------------- 2. non-finite and out-of-range values

    @TestFactory
    Stream<DynamicTest> nonFiniteNumbers() {
        List<Case> cases = new ArrayList<>();
        String w = "/api/v1/webhooks/" + webhookId;
        String a = "/api/v1/automations/" + automationId;
        String automation = "{\"name\":\"n\",\"trigger\":\"user.created\",\"webhook_id\":\"" + webhookId
                + "\",\"webhook_payload_template\":{\"x\":%s}}";
        for (String n : List.of("1e400", "-1e400")) {
            Expect data = Expect.problem(422, "data.n");
            cases.add(new Case(n + " in ingest data", ingest("/internal/v1/events", event("{\"n\":" + n + "}", "")),
                    data));
            cases.add(new Case(n + " deep in ingest data", ingest("/internal/v1/events",
                    event("{\"a\":[1,{\"b\":" + n + "}]}", "")), Expect.problem(422, "data.a[1].b")));
            cases.add(new Case(n + " in ingest changes", ingest("/internal/v1/events",
                    event("{}", ",\"changes\":{\"rank\":{\"old\":1,\"new\":" + n + "}}")),
                    Expect.problem(422, "changes.rank.new")));
            cases.add(new Case(n + " in ingest causer", ingest("/internal/v1/events",
                    event("{}", ",\"causer\":{\"n\":" + n + "}")), Expect.problem(422, "causer.n")));
            cases.add(new Case(n + " in a batch item", ingest("/internal/v1/events/batch",
                    "[" + event("{}", "") + "," + event("{\"n\":" + n + "}", "") + "]"),
                    Expect.problem(422, "[1].data.n")));
            cases.add(new Case(n + " in a test event body", raw(TestTokens.admin(tenant), "POST", w + "/test",
                    utf8("{\"n\":" + n + "}")), Expect.problem(422, "n")));
            Expect template = Expect.problem(422, "webhook_payload_template.x");
            cases.add(new Case(n + " in a template on create", raw(TestTokens.admin(tenant), "POST",
                    "/api/v1/automations", utf8(automation.formatted(n))), template));
            cases.add(new Case(n + " in a template on replace", raw(TestTokens.admin(tenant), "PUT", a,
                    utf8(automation.formatted(n))), template));
            cases.add(new Case(n + " in a template on patch", raw(TestTokens.admin(tenant), "PATCH", a,
                    utf8("{\"webhook_payload_template\":{\"x\":" + n + "}}")), template));
            cases.add(new Case(n + " in an unsaved preview's template", raw(TestTokens.admin(tenant), "POST",
                    "/api/v1/automations/preview", utf8("{\"automation\":" + automation.formatted(n)
                            + ",\"data\":{}}")), Expect.problem(422, "automation.webhook_payload_template.x")));
            for (String part : List.of("data", "changes", "causer")) {
                String body = "{\"" + part + "\":{\"n\":" + n + "}}";
                cases.add(new Case(n + " in a saved preview's " + part, raw(TestTokens.admin(tenant), "POST",
                        a + "/preview", utf8(body)), Expect.problem(422, part + ".n")));
                String unsaved = "{\"automation\":" + automation.formatted("\"{{ model.id }}\"") + ",\""
                        + part + "\":{\"n\":" + n + "}}";
                cases.add(new Case(n + " in an unsaved preview's " + part, raw(TestTokens.admin(tenant), "POST",
                        "/api/v1/automations/preview", utf8(unsaved)), Expect.problem(422, part + ".n")));
            }
        }
        for (String time : List.of("-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z")) {
            String event = event("{}", ",\"occurred_at\":\"" + time + "\"");
            cases.add(new Case("occurred_at " + time, ingest("/internal/v1/events", event),
                    Expect.problem(422, "occurred_at")));
            cases.add(new Case("occurred_at " + time + " in a batch", ingest("/internal/v1/events/batch",
                    "[" + event + "]"), Expect.problem(422, "[0].occurred_at")));
        }
        return tests(cases);
    }

    /**
     * Overlong "/" (C0 AF), an overlong NUL (E0 80 80), a lone surrogate (ED A0 80), a truncated sequence (E2 82),
     * past U+10FFFF (F4 90 80 80), a bare continuation byte (80) and an invalid byte (FF), on every JSON endpoint.
     */
    @TestFactory
    Stream<DynamicTest> malformedUtf8() {
        List<Case> cases = new ArrayList<>();
        String w = "/api/v1/webhooks/" + webhookId;
        String a = "/api/v1/automations/" + automationId;
        String admin = TestTokens.admin(tenant);
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("create webhook", new String[] { "POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/@\","
                + "\"events\":[\"user.created\"]}" });
        endpoints.put("replace webhook", new String[] { "PUT", w, "{\"url\":\"http://127.0.0.1:9/@\","
                + "\"events\":[\"user.created\"]}" });
        endpoints.put("patch webhook", new String[] { "PATCH", w, "{\"name\":\"@\"}" });
        endpoints.put("test event", new String[] { "POST", w + "/test", "{\"x\":\"@\"}" });
        endpoints.put("rotate secret", new String[] { "POST", w + "/secret/rotate", "{\"secret\":\"@"
                + "x".repeat(40) + "\"}" });
        String automation = "{\"name\":\"@\",\"trigger\":\"user.created\",\"webhook_id\":\"" + webhookId
                + "\",\"webhook_payload_template\":{\"x\":\"{{ model.id }}\"}}";
        endpoints.put("create automation", new String[] { "POST", "/api/v1/automations", automation });
        endpoints.put("replace automation", new String[] { "PUT", a, automation });
        endpoints.put("patch automation", new String[] { "PATCH", a, "{\"condition\":\"model.name == '@'\"}" });
        endpoints.put("saved preview", new String[] { "POST", a + "/preview", "{\"data\":{\"name\":\"@\"}}" });
        endpoints.put("unsaved preview", new String[] { "POST", "/api/v1/automations/preview",
                "{\"automation\":" + automation + ",\"data\":{}}" });
        for (String hex : List.of("c0af", "e08080", "eda080", "e282", "f4908080", "80", "ff")) {
            byte[] bad = hex(hex);
            for (Map.Entry<String, String[]> endpoint : endpoints.entrySet()) {
                String[] call = endpoint.getValue();
                cases.add(new Case(hex + " in " + endpoint.getKey(), raw(admin, call[0], call[1],
                        withBytes(call[2], bad)), Expect.problem(400)));
            }
            cases.add(new Case(hex + " in ingest", raw(PERSCOM, "POST", "/internal/v1/events",
                    withBytes(event("{\"x\":\"@\"}", ""), bad)), Expect.problem(400)));
            cases.add(new Case(hex + " in a batch", raw(PERSCOM, "POST", "/internal/v1/events/batch",
                    withBytes("[" + event("{\"x\":\"@\"}", "") + "]", bad)), Expect.problem(400)));
        }
        // Valid UTF-8 bytes whose JSON escapes spell half a surrogate pair: no UTF-8 text can carry the string on.
        Map<String, String> fields = Map.of("create webhook", "url", "replace webhook", "url", "patch webhook", "name",
                "test event", "x", "rotate secret", "secret", "create automation", "name", "replace automation",
                "name", "patch automation", "condition", "saved preview", "data.name", "unsaved preview",
                "automation.name");
        for (String escape : List.of("\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff\\ud800")) {
            for (Map.Entry<String, String[]> endpoint : endpoints.entrySet()) {
                String[] call = endpoint.getValue();
                cases.add(new Case(escape + " escaped in " + endpoint.getKey(), raw(admin, call[0], call[1],
                        utf8(call[2].replace("@", escape))), Expect.problem(422, fields.get(endpoint.getKey()))));
            }
            cases.add(new Case(escape + " escaped in ingest", ingest("/internal/v1/events",
                    event("{\"x\":\"" + escape + "\"}", "")), Expect.problem(422, "data.x")));
            cases.add(new Case(escape + " escaped in ingest changes", ingest("/internal/v1/events",
                    event("{}", ",\"changes\":{\"name\":{\"old\":\"" + escape + "\",\"new\":\"b\"}}")),
                    Expect.problem(422, "changes.name.old")));
            cases.add(new Case(escape + " escaped in a batch", ingest("/internal/v1/events/batch",
                    "[" + event("{\"x\":\"" + escape + "\"}", "") + "]"), Expect.problem(422, "[0].data.x")));
            // Jackson's byte parser refuses it in a field name already: the body is unreadable.
            cases.add(new Case(escape + " escaped in a field name", ingest("/internal/v1/events",
                    event("{\"" + escape + "\":1}", "")), Expect.problem(400)));
        }
        return tests(cases);
    }

    // ------------------------------------------------------------------------------------------ 3. logs never 500

    @TestFactory
    Stream<DynamicTest> logQueriesNeverFail() {
        List<Case> cases = new ArrayList<>();
        String logs = "/api/v1/webhooks/" + webhookId + "/logs";
        Map<String, Expect> queries = new LinkedHashMap<>();
        queries.put(logs + "?outcome=exploded", Expect.problem(422, "outcome"));
        queries.put(logs + "?event=user.exploded", Expect.problem(422, "event"));
        queries.put(logs + "?from=yesterday", Expect.problem(422, "from"));
        queries.put(logs + "?to=%2B10000-01-01T00:00:00Z", Expect.emptyPage());
        queries.put(logs + "?from=-999999999-01-01T00:00:00Z", Expect.emptyPage());
        queries.put(logs + "?from=%2B999999999-12-31T23:59:59Z&to=-999999999-01-01T00:00:00Z", Expect.emptyPage());
        queries.put(logs + "?event_id=not-a-uuid", Expect.problem(422, "event_id"));
        queries.put(logs + "?request_id=" + "r".repeat(500), Expect.problem(422, "request_id"));
        queries.put(logs + "?trace_id=%00", Expect.problem(422, "trace_id"));
        queries.put(logs + "/not-a-uuid", Expect.problem(404));
        queries.put(logs + "/00000000-0000-0000-0000-000000000000", Expect.problem(404));
        queries.put("/api/v1/automations/" + automationId + "/logs?status=exploded", Expect.problem(422, "status"));
        queries.put("/api/v1/automations/not-a-uuid/logs", Expect.problem(404));
        queries.forEach((path, expect) -> cases.add(new Case("GET " + path.substring(0, Math.min(path.length(), 120)),
                get(path), expect)));
        cases.add(new Case("redeliver an unknown attempt", raw(TestTokens.admin(tenant), "POST",
                logs + "/00000000-0000-0000-0000-000000000000/redeliver", new byte[0]), Expect.problem(404)));
        return tests(cases);
    }

    /**
     * Poison work left behind (PoisonWorkTest makes it for real): an event payload and automation contexts that are
     * not JSON. Reading their logs, listed or one by one, answers 200 and shows the stored text.
     */
    @Test
    void logsOfPoisonWorkCanBeRead() {
        UUID eventId = UUID.randomUUID();
        UUID deliveryId = UUID.randomUUID();
        UUID attemptId = UUID.randomUUID();
        UUID webhook = UUID.fromString(webhookId);
        execute("insert into event (id, tenant_id, type, payload, accepted_at) values (?, ?, 'user.created', "
                + "'not json', now())", eventId, tenant);
        execute("insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, "
                + "max_attempts, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, 'user.created', ?, "
                + "'failed', 1, 1, now(), now(), now())", deliveryId, tenant, eventId, webhook, eventId);
        execute("insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt, "
                + "method, url, request_headers, duration_ms, error_kind, error_message, outcome, created_at) values "
                + "(?, ?, ?, ?, ?, 'user.created', 1, 'POST', 'http://127.0.0.1:9/x', '{}'::jsonb, 0, 'internal', "
                + "'poison', 'failed', now())", attemptId, tenant, deliveryId, webhook, eventId);
        execute("insert into automation_log (id, tenant_id, automation_id, event_id, status, context, "
                + "rendered_payload, error, error_kind, execution_ms, created_at) values (?, ?, ?, ?, 'failed', "
                + "'not json', '{\"x\":', 'could not be run', 'internal', 0, now())", UUID.randomUUID(), tenant,
                UUID.fromString(automationId), eventId);

        String logs = "/api/v1/webhooks/" + webhookId + "/logs";
        given().auth().oauth2(TestTokens.admin(tenant)).when().get(logs).then().statusCode(200)
                .body("data[0].error_kind", org.hamcrest.Matchers.equalTo("internal"));
        given().auth().oauth2(TestTokens.admin(tenant)).when().get(logs + "/" + attemptId).then().statusCode(200)
                .body("payload", org.hamcrest.Matchers.equalTo("not json"));
        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/api/v1/automations/" + automationId + "/logs")
                .then().statusCode(200).body("data[0].context", org.hamcrest.Matchers.equalTo("not json"))
                .body("data[0].rendered_payload", org.hamcrest.Matchers.equalTo("{\"x\":"));
        management().when().get("/q/health").then().statusCode(200);
    }

    // ---------------------------------------------------------------------------------------------- 4. small holes

    @TestFactory
    Stream<DynamicTest> pagesAndLimitsOutOfRange() {
        List<Case> cases = new ArrayList<>();
        List<String> lists = List.of("/api/v1/webhooks", "/api/v1/webhooks/" + webhookId + "/logs",
                "/api/v1/automations", "/api/v1/automations/" + automationId + "/logs");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("page=21474838&limit=100", "page");
        queries.put("page=2147483647", "page");
        queries.put("page=2147483648", "page");
        queries.put("page=99999999999999999999", "page");
        queries.put("page=-1", "page");
        queries.put("page=0", "page");
        queries.put("page=abc", "page");
        queries.put("page=1.5", "page");
        queries.put("limit=-1", "limit");
        queries.put("limit=0", "limit");
        queries.put("limit=abc", "limit");
        queries.put("limit=2147483648", "limit");
        for (String list : lists) {
            queries.forEach((query, field) -> cases.add(new Case("GET " + list + "?" + query, get(list + "?" + query),
                    Expect.problem(422, field))));
        }
        return tests(cases);
    }

    /**
     * Never sent: URLs whose host different software reads differently, or that carry credentials or another
     * scheme, are refused when saved, so they are never stored, resolved or sent to.
     */
    @TestFactory
    Stream<DynamicTest> ambiguousUrlsAreRefusedAtSave() {
        List<Case> cases = new ArrayList<>();
        String w = "/api/v1/webhooks/" + webhookId;
        List<String> urls = List.of("http://0177.0.0.2/", "http://0x7f.1/", "http://127.1/", "http://2130706434/",
                "http://0x7f000001/", "http://017700000001/", "http://127.0.0.2./", "http://user:pass@127.0.0.1:9/",
                "http://127.0.0.1:9@10.0.0.1/", "http://:pw@127.0.0.1:9/", "file:///etc/passwd",
                "gopher://127.0.0.1:9/", "ftp://127.0.0.1:9/", "http:///x", "http://[::1/", "javascript:alert(1)");
        for (String url : urls) {
            Map<String, Object> body = Map.of("url", url, "events", List.of("user.created"));
            Expect refused = Expect.problem(422, "url");
            cases.add(new Case("create " + url, admin("POST", "/api/v1/webhooks", body), refused));
            cases.add(new Case("replace " + url, admin("PUT", w, body), refused));
            cases.add(new Case("patch " + url, admin("PATCH", w, Map.of("url", url)), refused));
        }
        return tests(cases);
    }

    /**
     * Internal addresses in literal form (also inside IPv6 transition forms) are judged by the policy object only:
     * a webhook with such a host is never saved by a test, so nothing can ever send to one. (Saving one is allowed,
     * with a warning, and its deliveries are refused at connection time: EgressGuardTest.)
     */
    @TestFactory
    Stream<DynamicTest> internalAddressesAreRefusedByThePolicy() {
        return Stream.of("http://[2002:7f00:2::]/", "http://[::ffff:0:7f00:2]/", "http://[2001::7f00:2]/",
                "http://[::ffff:127.0.0.2]/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/",
                "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/",
                "http://[fe80::1]/", "http://0.0.0.0/", "http://[::]/", "http://192.168.0.1/", "http://172.16.0.1/",
                "http://100.64.0.1/", "http://127.0.0.2:9/", "http://127.255.255.254/")
                .map(url -> DynamicTest.dynamicTest("policy refuses " + url, () -> assertTrue(
                        guard.refusalWithoutDns(url) != null, url + " is refused without being resolved")));
    }

    @TestFactory
    Stream<DynamicTest> httpLimitsAreProblems() {
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/internal/v1/events", "/internal/v1/events/batch", "/api/v1/webhooks",
                "/api/v1/automations", "/api/v1/automations/preview")) {
            cases.add(new Case("413 " + path, socket("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (17L * 1024 * 1024) + "\r\n\r\n{"),
                    Expect.problem(413)));
            cases.add(new Case("414 " + path, socket("GET " + path + "?x=" + "a".repeat(5000)
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), Expect.problem(414)));
            cases.add(new Case("431 " + path, socket("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                    + "b".repeat(64 * 1024) + "\r\n\r\n"), Expect.problem(431)));
        }
        return tests(cases);
    }

    @TestFactory
    Stream<DynamicTest> managementIsNotOnTheServicePort() {
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi",
                "/q/swagger-ui/", "/q/dev-ui/")) {
            cases.add(new Case("GET " + path, get(path), Expect.problem(404)));
        }
        return tests(cases);
    }

    // ------------------------------------------------------------------------------------------------ the checks

    private Stream<DynamicTest> tests(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void run(Case c) throws IOException {
        Map<String, String> before = rows();
        Answer answer = c.send().send();
        String said = c.name() + " -> " + answer.status() + " " + abbreviated(answer.body());
        Expect expect = c.expect();
        assertEquals(expect.status(), answer.status(), said);
        if (!expect.isProblem() && expect.errorKinds().isEmpty()) {
            assertTrue(answer.body().path(expect.field()).isArray(), said);
            assertEquals(0, answer.body().path(expect.field()).size(), said);
        } else if (expect.isProblem()) {
            assertTrue(answer.contentType().startsWith(Problem.MEDIA_TYPE), said + " content type "
                    + answer.contentType());
            assertEquals(expect.status(), answer.body().path("status").asInt(), said);
            assertTrue(answer.body().path("type").asText().startsWith(PROBLEMS), said);
            assertTrue(!answer.body().path("title").asText().isBlank(), said);
            if (expect.field() != null) {
                List<String> fields = new ArrayList<>();
                answer.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
                assertTrue(fields.contains(expect.field()), said + ": expected an error for " + expect.field());
            }
        } else {
            assertEquals("failed", answer.body().path("status").asText(), said);
            assertTrue(expect.errorKinds().contains(answer.body().path("error_kind").asText()), said);
        }
        assertEquals(before, rows(), c.name() + ": no row of the tenant changed");
        management().when().get("/q/health").then().statusCode(200);
    }

    /** A fingerprint of every row the tenant has, table by table: any insert, update or delete changes it. */
    private Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection db = PostgresTestDatabase.connect()) {
            for (String table : TABLES) {
                try (PreparedStatement statement = db.prepareStatement("select count(*) || ':' || coalesce(md5("
                        + "string_agg(t::text, '|' order by t::text)), '') from " + table + " t where tenant_id = ?")) {
                    statement.setString(1, tenant);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        rows.put(table, result.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ requests

    private Send admin(String method, String path, Object body) {
        try {
            return raw(TestTokens.admin(tenant), method, path, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Send raw(String token, String method, String path, byte[] body) {
        return () -> answer(given().auth().oauth2(token).contentType("application/json").body(body)
                .urlEncodingEnabled(false).when().request(method, path));
    }

    private Send get(String path) {
        String token = TestTokens.admin(tenant);
        return () -> answer(given().auth().oauth2(token).urlEncodingEnabled(false).when().get(path));
    }

    private static Send ingest(String path, String body) {
        return raw(PERSCOM, "POST", path, utf8(body));
    }

    private static Send socket(String request) {
        return () -> {
            RawHttp.Answer answer = RawHttp.send(request);
            return new Answer(answer.status(), answer.contentType(), answer.body());
        };
    }

    private static Answer answer(Response response) throws IOException {
        String text = response.asString();
        JsonNode body;
        try {
            body = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.put("unparsed", text.substring(0, Math.min(200, text.length())));
            body = wrapped;
        }
        return new Answer(response.statusCode(), String.valueOf(response.contentType()), body);
    }

    private String event(String data, String more) {
        return "{\"tenant_id\":\"" + tenant + "\",\"event\":\"user.created\",\"data\":" + data + more + "}";
    }

    private static String abbreviated(JsonNode body) {
        String text = body.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

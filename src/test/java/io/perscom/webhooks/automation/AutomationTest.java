package io.perscom.webhooks.automation;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AutomationTest extends ReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMOTED = "model[\"status\"] == \"active\" and changed(\"rank_id\")";


    @Test
    void aMatchingAutomationSendsTheEventEnvelopeWithItsRenderingAsDataHighestPriorityFirst() throws Exception {
        String secret = "automation-secret-0123456789";
        String discord = webhook(tenant, receiver.url("/discord"), List.of(), "post", secret, true);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("content", "{{ model.name }} was promoted to rank {{ changes.rank_id.new }} by "
                + "{{ causer.name }} <@{{ model.discord_user_id }}>");
        template.put("rank", "{{ changes.rank_id.new }}");
        template.put("promoted", "{{ changes.rank_id is defined }}");
        template.put("embed", Map.of("title", "{{ model_type | upper }} #{{ model_id }}", "color", 65280));
        String promoted = automation("Promotion", "user.updated", PROMOTED, discord, template, 5);
        String neverFires = automation("Inactive users", "user.updated", "model[\"status\"] == \"inactive\"", discord,
                Map.of("x", "{{ model.name }}"), 1);

        Map<String, Object> body = event(tenant, "user.updated", Map.of("id", 42, "name", "Jane Doe",
                "status", "active", "rank_id", 7, "discord_user_id", "123"));
        body.put("changes", Map.of("rank_id", Map.of("old", 6, "new", 7)));
        body.put("causer", Map.of("id", 1, "name", "O'Neil & Co"));
        body.put("request_id", "req-1");
        String eventId = ingest(body).statusCode(202).body("deliveries", equalTo(0)).extract().path("id");

        Received request = receiver.await("/discord", 1, WAIT).get(0);
        Verify.post(secret, request);
        assertEquals(promoted, request.header("X-Perscom-Automation-Id"));
        JsonNode envelope = JSON.readTree(request.body());
        assertEquals(List.of("event", "created", "request_id", "trace_id", "data", "changes"),
                iterable(envelope.fieldNames()), "PERSCOM's envelope, in its order");
        assertEquals("user.updated", envelope.get("event").asText());
        assertEquals("req-1", envelope.get("request_id").asText());
        assertTrue(envelope.get("changes").isNull(), "rendered data is not a model: changes is null");
        JsonNode data = envelope.get("data");
        assertEquals("Jane Doe was promoted to rank 7 by O&#039;Neil &amp; Co <@123>", data.get("content").asText(),
                "Twig's HTML autoescaping, as PERSCOM configures it");
        assertEquals("7", data.get("rank").textValue(), "PERSCOM renders every value to a string");
        assertEquals("1", data.get("promoted").textValue());
        assertEquals("APP\\MODELS\\USER #42", data.at("/embed/title").asText(), "model_type is the model's class");
        assertEquals(65280, data.at("/embed/color").asInt(), "values without {{ pass through");

        List<Map<String, Object>> runs = awaitLogs(promoted, 1);
        assertEquals("executed", runs.get(0).get("status"));
        assertEquals(true, runs.get(0).get("condition_result"));
        assertEquals(eventId, runs.get(0).get("event_id"));
        assertNotNull(runs.get(0).get("delivery_id"));
        assertEquals("O'Neil & Co", ((Map<?, ?>) ((Map<?, ?>) runs.get(0).get("context")).get("causer")).get("name"));
        List<Map<String, Object>> skipped = awaitLogs(neverFires, 1);
        assertEquals("condition_failed", skipped.get(0).get("status"));
        assertEquals(false, skipped.get(0).get("condition_result"));
        assertTrue(Instant.parse((String) runs.get(0).get("created_at"))
                .isBefore(Instant.parse((String) skipped.get(0).get("created_at"))), "priority 5 ran before priority 1");

        admin(tenant).when().get("/api/v1/webhooks/" + discord + "/logs").then()
                .body("data[0].event_type", equalTo("user.updated"));
    }

    @Test
    void typedRenderingKeepsJsonTypesAndDoesNotEscape() throws Exception {
        String target = webhook(tenant, receiver.url("/typed"), List.of(), "post", null, true);
        Map<String, Object> body = body("Typed", "user.updated", null, target, Map.of("rank", "{{ model.rank_id }}",
                "promoted", "{{ model.rank_id > 6 }}", "who", "{{ model.name }} & co", "tags", "{{ model.tags }}"), 0);
        body.put("render_mode", "typed");
        String id = admin(tenant).body(body).when().post("/api/v1/automations").then().statusCode(201)
                .body("render_mode", equalTo("typed")).extract().path("id");
        ingest(event(tenant, "user.updated", Map.of("id", 1, "name", "<b>Jane</b>", "rank_id", 7,
                "tags", List.of("a", "b")))).statusCode(202);

        JsonNode data = JSON.readTree(receiver.await("/typed", 1, WAIT).get(0).body()).get("data");
        assertEquals(7, data.get("rank").intValue());
        assertTrue(data.get("promoted").booleanValue());
        assertEquals("<b>Jane</b> & co", data.get("who").textValue());
        assertEquals("[\"a\",\"b\"]", data.get("tags").toString());
        assertEquals("executed", awaitLogs(id, 1).get(0).get("status"));
    }

    @Test
    void aBlankTemplateSendsTheModelExactlyAsThePlainWebhookDoes() throws Exception {
        webhook(tenant, receiver.url("/plain"), null, "user.created");
        String target = webhook(tenant, receiver.url("/model"), List.of(), "post", null, true);
        String id = automation("Model", "user.created", null, target, null, 0);
        admin(tenant).when().get("/api/v1/automations/" + id).then().body("webhook_payload_template", nullValue());
        Map<String, Object> body = event(tenant, "user.created", Map.of("id", 5, "name", "Zoë / 5"));
        body.put("changes", List.of());
        ingest(body).statusCode(202).body("deliveries", equalTo(1));

        String plain = receiver.await("/plain", 1, WAIT).get(0).body();
        assertEquals(plain, receiver.await("/model", 1, WAIT).get(0).body());
        assertTrue(plain.contains("\"name\":\"Zo\\u00eb \\/ 5\""), plain);
        assertEquals("executed", awaitLogs(id, 1).get(0).get("status"));
    }

    @Test
    void aTemplateThatNoLongerCompilesKeepsItsRawStringAtRunTime() throws Exception {
        String target = webhook(tenant, receiver.url("/raw"), List.of(), "post", null, true);
        String id = automation("Raw", "user.created", null, target, Map.of("a", "{{ model.id }}"), 0);
        // Saving refuses a syntax error; rows imported from PERSCOM or saved by older versions can still carry one.
        io.perscom.webhooks.support.Fixtures.execute("update automation set webhook_payload_template = ? "
                + "where id = ?", "{\"a\":\"{{ model.id \",\"b\":\"{{ model.id|nope }}\",\"c\":\"{{ model.id }}\"}",
                UUID.fromString(id));
        ingest(event(tenant, "user.created", Map.of("id", 8))).statusCode(202);

        JsonNode data = JSON.readTree(receiver.await("/raw", 1, WAIT).get(0).body()).get("data");
        assertEquals("{{ model.id ", data.get("a").textValue());
        assertEquals("{{ model.id|nope }}", data.get("b").textValue());
        assertEquals("8", data.get("c").textValue());
        assertEquals("executed", awaitLogs(id, 1).get(0).get("status"));
    }

    @Test
    void plainWebhooksGetFlatChangesAndAFailingAutomationDoesNotBlockThem() throws Exception {
        String plain = webhook(tenant, receiver.url("/plain"), null, "rankrecord.created");
        String target = webhook(tenant, receiver.url("/target"), List.of(), "post", null, true);
        String broken = automation("Broken", "rankrecord.created", null, target, Map.of("x", "{{ 1 / 0 }}"), 0);

        Map<String, Object> body = event(tenant, "rankrecord.created", Map.of("id", 3));
        body.put("changes", Map.of("rank_id", Map.of("old", 1, "new", 2)));
        ingest(body).statusCode(202).body("deliveries", equalTo(1));

        Received request = receiver.await("/plain", 1, WAIT).get(0);
        assertEquals(2, JSON.readTree(request.body()).at("/changes/rank_id").asInt(), "PERSCOM's {attr: new} form");
        Map<String, Object> run = awaitLogs(broken, 1).get(0);
        assertEquals("failed", run.get("status"));
        assertEquals("template", run.get("error_kind"));
        assertEquals("Division by zero", run.get("error"), "PHP's message, as PERSCOM logs it");
        assertEquals(0, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(target)));
        assertEquals(1, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(plain)));
    }

    @Test
    void aRunawayConditionFailsWithinItsBoundsAndTheNextAutomationStillRuns() throws Exception {
        String target = webhook(tenant, receiver.url("/bounded"), List.of(), "post", null, true);
        String runaway = automation("Backtracking", "user.created", "model[\"name\"] matches \"/^(.*a){20}$/\"",
                target, Map.of("x", "{{ model.id }}"), 2);
        String next = automation("Next", "user.created", null, target, Map.of("x", "{{ model.id }}"), 1);
        ingest(event(tenant, "user.created", Map.of("id", 4, "name", "a".repeat(30) + "b"))).statusCode(202);

        Map<String, Object> run = awaitLogs(runaway, 1).get(0);
        assertEquals("failed", run.get("status"));
        assertTrue(List.of("regex", "cpu", "time").contains(run.get("error_kind")), String.valueOf(run));
        assertEquals("executed", awaitLogs(next, 1).get(0).get("status"));
        assertEquals(1, receiver.await("/bounded", 1, WAIT).size());
    }

    @Test
    void deletingTheWebhookKeepsTheAutomationWhoseRunsThenFail() {
        String target = webhook(tenant, receiver.url("/deleted"), List.of(), "post", null, true);
        String id = automation("Orphan", "user.created", null, target, Map.of("x", "{{ model.id }}"), 0);
        admin(tenant).when().delete("/api/v1/webhooks/" + target).then().statusCode(204);
        admin(tenant).when().get("/api/v1/automations/" + id).then().statusCode(200)
                .body("webhook_id", nullValue());
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202);
        Map<String, Object> run = awaitLogs(id, 1).get(0);
        assertEquals("failed", run.get("status"));
        assertEquals("Automation webhook not found", run.get("error"));
    }

    @Test
    void eventDataWithNulCharactersIsDeliveredAndLogged() throws Exception {
        String target = webhook(tenant, receiver.url("/nul"), List.of(), "post", null, true);
        String automation = automation("Nul", "user.created", "filled(model.name)", target,
                Map.of("name", "{{ model.name }}"), 0);
        ingest(event(tenant, "user.created", Map.of("id", 1, "name", "a\u0000b"))).statusCode(202);
        Received request = receiver.await("/nul", 1, WAIT).get(0);
        assertEquals("a\u0000b", JSON.readTree(request.body()).at("/data/name").asText());
        assertEquals("executed", awaitLogs(automation, 1).get(0).get("status"));
    }

    @Test
    void eventsCausedByAnAutomationDoNotRunAutomations() {
        String target = webhook(tenant, receiver.url("/loop"), List.of(), "post", null, true);
        String automation = automation("Echo", "user.created", null, target, Map.of("x", "{{ model.id }}"), 0);
        Map<String, Object> caused = event(tenant, "user.created", Map.of("id", 1));
        caused.put("caused_by_automation", automation);
        String causedId = ingest(caused).statusCode(202).extract().path("id");
        assertEquals(0, count("select count(*) from automation_job where event_id = ?", UUID.fromString(causedId)),
                "no automation work was queued for it");

        String normalId = ingest(event(tenant, "user.created", Map.of("id", 2))).statusCode(202).extract().path("id");
        awaitLogs(automation, 1);
        assertEquals(1, count("select count(*) from automation_log where event_id = ?", UUID.fromString(normalId)));
        assertEquals(0, count("select count(*) from automation_log where event_id = ?", UUID.fromString(causedId)));
    }

    @Test
    void automationWorkLeftByACrashedReplicaIsRunByAnother() throws Exception {
        String target = webhook(tenant, receiver.url("/recovered"), List.of(), "post", null, true);
        String automation = automation("Recover", "user.deleted", "model_id == 9", target,
                Map.of("gone", "{{ model_id }}"), 0);
        UUID eventId = UUID.randomUUID();
        io.perscom.webhooks.support.Fixtures.execute("insert into event (id, tenant_id, type, payload, accepted_at) "
                + "values (?, ?, 'user.deleted', '{}', now())", eventId, tenant);
        io.perscom.webhooks.support.Fixtures.execute("insert into automation_job (event_id, tenant_id, event_type, "
                + "context, lease_owner, lease_until, created_at) values (?, ?, 'user.deleted', ?, 'crashed', "
                + "now() - interval '1 second', now())", eventId, tenant,
                "{\"model\":{\"id\":9},\"model_type\":\"user\",\"model_id\":9,\"changes\":{},"
                        + "\"causer\":null,\"causer_id\":null,\"now\":\"2026-01-01T00:00:00Z\"}");

        Received request = receiver.await("/recovered", 1, WAIT).get(0);
        assertEquals("{\"gone\":\"9\"}", JSON.readTree(request.body()).get("data").toString());
        assertEquals("executed", awaitLogs(automation, 1).get(0).get("status"));
        Await.until(() -> count("select count(*) from automation_job where event_id = ?", eventId), n -> n == 0,
                WAIT, "the job to be done");
    }

    @Test
    void previewsShowTheResultAndSendNothing() {
        String target = webhook(tenant, receiver.url("/preview"), List.of(), "post", null, true);
        String id = automation("Promotion", "user.updated", PROMOTED, target,
                Map.of("content", "{{ model.name }}: {{ changes.rank_id.old }} -> {{ changes.rank_id.new }}"), 0);
        Map<String, Object> sample = new HashMap<>();
        sample.put("data", Map.of("name", "Jane", "status", "active"));
        sample.put("changes", Map.of("rank_id", Map.of("old", 6, "new", 7)));
        admin(tenant).body(sample).when().post("/api/v1/automations/" + id + "/preview").then().statusCode(200)
                .body("status", equalTo("executed"))
                .body("condition_result", equalTo(true))
                .body("payload.content", equalTo("Jane: 6 -> 7"))
                .body("context.model_type", equalTo("App\\Models\\User"));
        sample.put("changes", Map.of());
        admin(tenant).body(sample).when().post("/api/v1/automations/" + id + "/preview").then().statusCode(200)
                .body("status", equalTo("condition_failed")).body("payload", nullValue())
                .body("context.changes", nullValue());

        Map<String, Object> unsaved = new HashMap<>(sample);
        unsaved.put("automation", Map.of("trigger", "user.updated", "condition", "filled(model.name)",
                "webhook_payload_template", Map.of("n", "{{ model.name | lower }}")));
        admin(tenant).body(unsaved).when().post("/api/v1/automations/preview").then().statusCode(200)
                .body("payload.n", equalTo("jane"));
        unsaved.put("automation", Map.of("trigger", "user.updated", "condition", "model.name ==",
                "webhook_payload_template", Map.of()));
        admin(tenant).body(unsaved).when().post("/api/v1/automations/preview").then().statusCode(422)
                .body("errors.field", hasItem("condition"));
        assertEquals(0, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(target)));
        admin(freshTenant()).body(sample).when().post("/api/v1/automations/" + id + "/preview").then()
                .statusCode(404);
    }

    @Test
    void crudValidationAndTenantIsolation() {
        String target = webhook(tenant, receiver.url("/crud"), List.of(), "post", null, true);
        String id = automation("First", "user.created", "", target, Map.of("a", 1), 3);
        String path = "/api/v1/automations/" + id;
        admin(tenant).when().get(path).then().statusCode(200).body("name", equalTo("First"))
                .body("condition", nullValue()).body("priority", equalTo(3)).body("enabled", equalTo(true))
                .body("webhook_payload_template.a", equalTo(1)).body("render_mode", equalTo("perscom"));
        admin(tenant).body(Map.of("enabled", false, "condition", "blank(model.x)")).when().patch(path).then()
                .statusCode(200).body("enabled", equalTo(false)).body("condition", equalTo("blank(model.x)"))
                .body("name", equalTo("First"));
        admin(tenant).queryParam("trigger", "user.created").when().get("/api/v1/automations").then()
                .body("meta.total", equalTo(1));

        String other = freshTenant();
        admin(other).when().get(path).then().statusCode(404);
        admin(other).body(Map.of("enabled", true)).when().patch(path).then().statusCode(404);
        admin(other).when().delete(path).then().statusCode(404);
        admin(other).when().get(path + "/logs").then().statusCode(404);
        String foreignWebhook = webhook(other, receiver.url("/foreign"), List.of(), "post", null, true);
        admin(tenant).body(body("X", "user.created", null, foreignWebhook, Map.of(), 0))
                .when().post("/api/v1/automations").then().statusCode(422).body("errors.field", hasItem("webhook_id"));

        admin(tenant).body(body("X", "webhook.test", null, target, Map.of(), 0)).when().post("/api/v1/automations")
                .then().statusCode(422).body("errors.field", hasItem("trigger"));
        admin(tenant).body(body("X", "user.created", "model[\"a\"] == ", target, Map.of(), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.find { it.field == 'condition' }.message", containsString("around position"));
        admin(tenant).body(body("X", "user.created", "secret == 1", target, Map.of(), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.find { it.field == 'condition' }.message",
                        startsWith("Variable \"secret\" is not valid around position 1"));
        admin(tenant).body(body("X", "user.created", null, target,
                Map.of("nested", Map.of("list", List.of("ok", "{{ model.a + }}"))), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("webhook_payload_template.nested.list[1]"));
        admin(tenant).body(body("X", "user.created", null, target,
                Map.of("file", "{{ include('/etc/passwd') }}"), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("webhook_payload_template.file"));
        Map<String, Object> notObject = body("X", "user.created", null, target, Map.of(), 0);
        notObject.put("webhook_payload_template", List.of(1));
        admin(tenant).body(notObject).when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("webhook_payload_template"));
        Map<String, Object> badMode = body("X", "user.created", null, target, Map.of(), 0);
        badMode.put("render_mode", "php");
        admin(tenant).body(badMode).when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("render_mode"));
        admin(tenant).body(Map.of("name", "only")).when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("trigger"));
        assertEquals(1, count("select count(*) from automation where tenant_id = ?", tenant), "nothing half-written");

        admin(tenant).when().delete(path).then().statusCode(204);
        admin(tenant).when().get(path).then().statusCode(404);
    }

    private String automation(String name, String trigger, String condition, String webhookId,
            Map<String, Object> template, int priority) {
        return admin(tenant).body(body(name, trigger, condition, webhookId, template, priority))
                .when().post("/api/v1/automations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> body(String name, String trigger, String condition, String webhookId,
            Map<String, Object> template, int priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("trigger", trigger);
        body.put("condition", condition);
        body.put("webhook_id", webhookId);
        body.put("webhook_payload_template", template);
        body.put("priority", priority);
        return body;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private List<Map<String, Object>> awaitLogs(String automationId, int count) {
        return Await.until(() -> admin(tenant).when().get("/api/v1/automations/" + automationId + "/logs").then()
                .statusCode(200).extract().<List<Map<String, Object>>> path("data"), l -> l.size() >= count, WAIT,
                count + " automation log(s)");
    }
}

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
    void aMatchingAutomationSendsItsRenderedPayloadThroughTheNormalPipeline() throws Exception {
        String secret = "automation-secret-0123456789";
        String discord = webhook(tenant, receiver.url("/discord"), List.of(), "post", secret, true);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("content", "{{ model.name }} was promoted to rank {{ new_value(\"rank_id\") }} by "
                + "{{ causer.name }} <@{{ model.discord_user_id }}>");
        template.put("rank", "{{ new_value('rank_id') }}");
        template.put("promoted", "{{ changed('rank_id') }}");
        template.put("embed", Map.of("title", "{{ model_type | upper }} #{{ model_id }}", "color", 65280));
        String promoted = automation("Promotion", "user.updated", PROMOTED, discord, template, 5);
        String neverFires = automation("Inactive users", "user.updated", "model[\"status\"] == \"inactive\"", discord,
                Map.of("x", "{{ model.name }}"), 1);

        Map<String, Object> body = event(tenant, "user.updated", Map.of("id", 42, "name", "Jane Doe",
                "status", "active", "rank_id", 7, "discord_user_id", "123"));
        body.put("changes", Map.of("rank_id", Map.of("old", 6, "new", 7)));
        body.put("causer", Map.of("id", 1, "name", "Admin"));
        String eventId = ingest(body).statusCode(202).body("deliveries", equalTo(0)).extract().path("id");

        Received request = receiver.await("/discord", 1, WAIT).get(0);
        Verify.post(secret, request);
        assertEquals(promoted, request.header("X-Perscom-Automation-Id"));
        JsonNode payload = JSON.readTree(request.body());
        assertEquals("Jane Doe was promoted to rank 7 by Admin <@123>", payload.get("content").asText());
        assertTrue(payload.get("rank").isInt(), "a lone {{ expr }} keeps its type");
        assertEquals(7, payload.get("rank").asInt());
        assertTrue(payload.get("promoted").isBoolean());
        assertEquals("USER #42", payload.at("/embed/title").asText());
        assertEquals(65280, payload.at("/embed/color").asInt());

        List<Map<String, Object>> runs = awaitLogs(promoted, 1);
        assertEquals("executed", runs.get(0).get("status"));
        assertEquals(true, runs.get(0).get("condition_result"));
        assertEquals(eventId, runs.get(0).get("event_id"));
        assertNotNull(runs.get(0).get("delivery_id"));
        assertEquals("Admin", ((Map<?, ?>) ((Map<?, ?>) runs.get(0).get("context")).get("causer")).get("name"));
        List<Map<String, Object>> skipped = awaitLogs(neverFires, 1);
        assertEquals("condition_failed", skipped.get(0).get("status"));
        assertEquals(false, skipped.get(0).get("condition_result"));
        assertTrue(Instant.parse((String) skipped.get(0).get("created_at"))
                .isBefore(Instant.parse((String) runs.get(0).get("created_at"))), "priority 1 ran before priority 5");

        admin(tenant).when().get("/api/v1/webhooks/" + discord + "/logs").then()
                .body("data[0].event_type", equalTo("user.updated"));
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
        assertTrue(String.valueOf(run.get("error")).startsWith("template:"), String.valueOf(run.get("error")));
        assertEquals(0, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(target)));
        assertEquals(1, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(plain)));
    }

    @Test
    void eventDataWithNulCharactersIsDeliveredAndLogged() throws Exception {
        String target = webhook(tenant, receiver.url("/nul"), List.of(), "post", null, true);
        String automation = automation("Nul", "user.created", "filled(model.name)", target,
                Map.of("name", "{{ model.name }}"), 0);
        ingest(event(tenant, "user.created", Map.of("id", 1, "name", "a\u0000b"))).statusCode(202);
        Received request = receiver.await("/nul", 1, WAIT).get(0);
        assertEquals("a\u0000b", JSON.readTree(request.body()).get("name").asText());
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
    void automationWorkLeftByACrashedReplicaIsRunByAnother() {
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
        assertEquals("{\"gone\":9}", request.body());
        assertEquals("executed", awaitLogs(automation, 1).get(0).get("status"));
        Await.until(() -> count("select count(*) from automation_job where event_id = ?", eventId), n -> n == 0,
                WAIT, "the job to be done");
    }

    @Test
    void previewsShowTheResultAndSendNothing() {
        String target = webhook(tenant, receiver.url("/preview"), List.of(), "post", null, true);
        String id = automation("Promotion", "user.updated", PROMOTED, target,
                Map.of("content", "{{ model.name }}: {{ old_value('rank_id') }} -> {{ new_value('rank_id') }}"), 0);
        Map<String, Object> sample = new HashMap<>();
        sample.put("data", Map.of("name", "Jane", "status", "active"));
        sample.put("changes", Map.of("rank_id", Map.of("old", 6, "new", 7)));
        admin(tenant).body(sample).when().post("/api/v1/automations/" + id + "/preview").then().statusCode(200)
                .body("status", equalTo("executed"))
                .body("condition_result", equalTo(true))
                .body("payload.content", equalTo("Jane: 6 -> 7"))
                .body("context.model_type", equalTo("user"));
        sample.put("changes", Map.of());
        admin(tenant).body(sample).when().post("/api/v1/automations/" + id + "/preview").then().statusCode(200)
                .body("status", equalTo("condition_failed")).body("payload", nullValue());

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
                .body("webhook_payload_template.a", equalTo(1));
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
                .body("errors.find { it.field == 'condition' }.message", startsWith("line 1: "));
        admin(tenant).body(body("X", "user.created", "model.getClass() != null", target, Map.of(), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.find { it.field == 'condition' }.message", containsString("method calls"));
        admin(tenant).body(body("X", "user.created", null, target,
                Map.of("nested", Map.of("list", List.of("ok", "{{ model.a + }}"))), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("webhook_payload_template.nested.list[1]"));
        admin(tenant).body(body("X", "user.created", null, target,
                Map.of("loop", "{{ model.a }}{% for i in range(0, 100000000) %}x{% endfor %}"), 0))
                .when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("webhook_payload_template.loop"));
        Map<String, Object> notObject = body("X", "user.created", null, target, Map.of(), 0);
        notObject.put("webhook_payload_template", List.of(1));
        admin(tenant).body(notObject).when().post("/api/v1/automations").then().statusCode(422)
                .body("errors.field", hasItem("webhook_payload_template"));
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

    private List<Map<String, Object>> awaitLogs(String automationId, int count) {
        return Await.until(() -> admin(tenant).when().get("/api/v1/automations/" + automationId + "/logs").then()
                .statusCode(200).extract().<List<Map<String, Object>>> path("data"), l -> l.size() >= count, WAIT,
                count + " automation log(s)");
    }
}

package io.perscom.webhooks.tenancy.importing;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.as;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Received;
import io.perscom.webhooks.support.TestTokens;
import io.perscom.webhooks.support.Verify;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ImportTest extends ReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = TestTokens.withScope("perscom", "manage:tenant");
    /** PERSCOM's default secret: Str::random(32). */
    private static final String ROSTER_SECRET = "q8ZJ3mN0vR5tY7uW2xK9pL4aS6dF1gHj";
    private static final String AUDIT_SECRET = "Zx1Cv2Bn3Mq4Wr5Et6Yu7Io8Pa9Sd0Fg";

    /** Two loopback webhooks, one to a private address, one with an unknown event; two automations. */
    private Map<String, Object> perscomRows() {
        List<Map<String, Object>> webhooks = new ArrayList<>();
        webhooks.add(webhookRow(11, receiver.url("/roster"), "post", "[\"user.created\",\"user.updated\"]",
                ROSTER_SECRET));
        webhooks.add(webhookRow(12, receiver.url("/audit"), "get", List.of("rankrecord.created"), AUDIT_SECRET));
        webhooks.add(webhookRow(13, "http://10.0.0.1/hook", "post", List.of("user.created"), ROSTER_SECRET));
        webhooks.add(webhookRow(14, receiver.url("/typo"), "post", List.of("user.crated"), ROSTER_SECRET));
        List<Map<String, Object>> automations = new ArrayList<>();
        automations.add(automationRow(21, "webhook", 11, "{\"who\":\"{{ model.name }}\"}", 1));
        Map<String, Object> message = automationRow(22, "message", null, null, 0);
        message.put("message_channels", "[\"email\"]");
        message.put("message_content", "Welcome");
        automations.add(message);
        automations.add(automationRow(23, "webhook", 13, "{\"x\":1}", 1));
        return Map.of("webhooks", webhooks, "automations", automations);
    }

    private static Map<String, Object> webhookRow(long id, String url, String method, Object events, String secret) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("url", url);
        row.put("description", "PERSCOM webhook " + id);
        row.put("method", method);
        row.put("events", events);
        row.put("secret", secret);
        row.put("created_at", "2025-03-01 12:00:00");
        row.put("updated_at", "2025-03-02 12:00:00");
        return row;
    }

    private static Map<String, Object> automationRow(long id, String action, Integer webhookId, String template,
            Object enabled) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("name", "Automation " + id);
        row.put("description", null);
        row.put("trigger", "user.created");
        row.put("condition", null);
        row.put("action_type", action);
        row.put("webhook_id", webhookId);
        row.put("webhook_payload_template", template);
        row.put("priority", 0);
        row.put("enabled", enabled);
        row.put("model_update_target", null);
        row.put("created_at", "2025-03-01 12:00:00");
        row.put("updated_at", "2025-03-01 12:00:00");
        return row;
    }

    private JsonPath importRows(Object body, boolean dryRun) {
        return as(SERVICE).queryParam("dry_run", dryRun).body(body).when()
                .post("/internal/v1/tenants/" + tenant + "/import").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndChangesNothing() {
        JsonPath report = importRows(perscomRows(), true);

        assertEquals(true, report.getBoolean("dry_run"));
        assertEquals(List.of("created", "created", "refused", "refused"), report.getList("webhooks.result"));
        assertEquals(List.of("created", "refused", "refused"), report.getList("automations.result"));
        assertEquals(List.of(11, 12, 13, 14), report.getList("webhooks.perscom_id"));
        assertNull(report.get("webhooks[0].id"), "nothing was created, so no id");
        assertEquals("url", report.getString("webhooks[2].errors[0].field"));
        assertTrue(report.getString("webhooks[2].errors[0].message").contains("refused"));
        assertEquals("events[0]", report.getString("webhooks[3].errors[0].field"), "the admin API's field error");
        assertEquals("action_type", report.getString("automations[1].errors[0].field"));
        assertEquals("webhook_id", report.getString("automations[2].errors[0].field"), "its webhook was refused");
        assertEquals(2, report.getInt("webhooks_summary.created"));
        assertEquals(2, report.getInt("webhooks_summary.refused"));

        assertEquals(0, count("select count(*) from webhook where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from automation where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from perscom_import where tenant_id = ?", tenant));
    }

    @Test
    void aRealRunCreatesKeepsSecretsAndASecondRunChangesNothing() throws Exception {
        JsonPath first = importRows(perscomRows(), false);
        assertEquals(List.of("created", "created", "refused", "refused"), first.getList("webhooks.result"));
        assertEquals(List.of("created", "refused", "refused"), first.getList("automations.result"));
        String roster = first.getString("webhooks[0].id");
        String audit = first.getString("webhooks[1].id");
        String automation = first.getString("automations[0].id");
        assertNotNull(roster);

        admin(tenant).when().get("/api/v1/webhooks/" + roster).then().statusCode(200)
                .body("url", equalTo(receiver.url("/roster"))).body("method", equalTo("post"))
                .body("events", equalTo(List.of("user.created", "user.updated")))
                .body("description", equalTo("PERSCOM webhook 11"));
        admin(tenant).when().get("/api/v1/webhooks/" + roster + "/secret").then().body("secret",
                equalTo(ROSTER_SECRET));
        admin(tenant).when().get("/api/v1/webhooks/" + audit).then().body("method", equalTo("get"));
        admin(tenant).when().get("/api/v1/automations/" + automation).then().statusCode(200)
                .body("webhook_id", equalTo(roster)).body("webhook_payload_template.who",
                        equalTo("{{ model.name }}"))
                .body("enabled", equalTo(true));
        assertEquals(0, count("select count(*) from webhook where tenant_id = ? and position(convert_to(?, 'UTF8')"
                + " in secret_ciphertext) > 0", tenant, ROSTER_SECRET), "the secret is sealed at rest");
        assertEquals(2, count("select count(*) from webhook where tenant_id = ?", tenant),
                "the private address and the typo were never saved");

        String updatedAt = admin(tenant).when().get("/api/v1/webhooks/" + roster).then().extract()
                .path("updated_at");
        JsonPath second = importRows(perscomRows(), false);
        assertEquals(List.of("unchanged", "unchanged", "refused", "refused"), second.getList("webhooks.result"));
        assertEquals(List.of("unchanged", "refused", "refused"), second.getList("automations.result"));
        assertEquals(roster, second.getString("webhooks[0].id"));
        assertEquals(automation, second.getString("automations[0].id"));
        admin(tenant).when().get("/api/v1/webhooks/" + roster).then().body("updated_at", equalTo(updatedAt));
        assertEquals(2, count("select count(*) from webhook where tenant_id = ?", tenant));
        assertEquals(1, count("select count(*) from automation where tenant_id = ?", tenant));

        ingest(event(tenant, "user.created", Map.of("id", 7, "name", "Jane"))).statusCode(202);
        List<Received> requests = receiver.await("/roster", 2, WAIT);
        requests.forEach(request -> Verify.post(ROSTER_SECRET, request));
        assertTrue(requests.stream().map(Received::body).anyMatch(body -> body.contains(",\"data\":{\"who\":\"Jane\"},")),
                "the automation sent its rendered template as the event's data");
    }

    @Test
    void changedRowsAreUpdatedInPlace() throws Exception {
        importRows(perscomRows(), false);
        Map<String, Object> rows = perscomRows();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> webhooks = (List<Map<String, Object>>) rows.get("webhooks");
        webhooks.get(0).put("url", receiver.url("/roster-v2"));
        webhooks.get(0).put("description", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> automations = (List<Map<String, Object>>) rows.get("automations");
        automations.get(0).put("webhook_payload_template", Map.of("id", "{{ model.id }}"));
        automations.get(0).put("enabled", 0);

        JsonPath dry = importRows(rows, true);
        assertEquals(List.of("updated", "unchanged", "refused", "refused"), dry.getList("webhooks.result"));
        assertEquals(receiver.url("/roster"), admin(tenant).when().get("/api/v1/webhooks/" + dry.getString(
                "webhooks[0].id")).then().extract().path("url"), "the dry run changed nothing");

        JsonPath real = importRows(rows, false);
        assertEquals(List.of("updated", "unchanged", "refused", "refused"), real.getList("webhooks.result"));
        assertEquals(List.of("updated", "refused", "refused"), real.getList("automations.result"));
        String roster = real.getString("webhooks[0].id");
        admin(tenant).when().get("/api/v1/webhooks/" + roster).then().body("url", equalTo(receiver.url(
                "/roster-v2"))).body("description", equalTo(null));
        JsonNode automation = JSON.readTree(admin(tenant).when().get("/api/v1/automations/" + real.getString(
                "automations[0].id")).then().extract().asString());
        assertEquals("{{ model.id }}", automation.at("/webhook_payload_template/id").asText());
        assertEquals(false, automation.get("enabled").asBoolean());
        assertEquals(2, count("select count(*) from webhook where tenant_id = ?", tenant));
    }

    @Test
    void badRequestsAreRefusedWhole() {
        String path = "/internal/v1/tenants/" + tenant + "/import";
        admin(tenant).body(Map.of("webhooks", List.of())).when().post(path).then().statusCode(403);
        as(SERVICE).queryParam("dry_run", "maybe").body(Map.of("webhooks", List.of())).when().post(path).then()
                .statusCode(422).body("errors.field", hasItem("dry_run"));
        as(SERVICE).body(Map.of("webhooks", List.of(Map.of("id", 1, "colour", "red")))).when().post(path).then()
                .statusCode(422).contentType("application/problem+json");
        Map<String, Object> noId = webhookRow(1, receiver.url("/x"), "post", List.of(), ROSTER_SECRET);
        noId.remove("id");
        Map<String, Object> twice = webhookRow(2, receiver.url("/y"), "post", List.of(), ROSTER_SECRET);
        JsonPath report = importRows(Map.of("webhooks", List.of(noId, twice, twice)), false);
        assertEquals(List.of("refused", "created", "refused"), report.getList("webhooks.result"));
        assertEquals("id", report.getString("webhooks[2].errors[0].field"));
        assertEquals(1, count("select count(*) from webhook where tenant_id = ?", tenant));
        UUID created = UUID.fromString(report.getString("webhooks[1].id"));
        assertEquals(1, count("select count(*) from perscom_import where webhook_id = ?", created));
    }
}

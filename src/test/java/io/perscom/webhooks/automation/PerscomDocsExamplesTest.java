package io.perscom.webhooks.automation;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.support.ReceiverTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The examples of PERSCOM's automation documentation (integrations/automations.mdx), saved as a PERSCOM admin writes
 * them and run end to end: documented conditions decide, documented payload templates arrive rendered.
 */
@QuarkusTest
class PerscomDocsExamplesTest extends ReceiverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentedConditionsAndPayloadsRunUnchanged() throws Exception {
        String discord = webhook(tenant, receiver.url("/discord"), List.of(), "post", null, true);
        String custom = webhook(tenant, receiver.url("/custom"), List.of(), "post", null, true);
        Map<String, Object> discordTemplate = new LinkedHashMap<>();
        discordTemplate.put("content", "New user registered: {{ model.name }}");
        discordTemplate.put("username", "PERSCOM Bot");
        automation("Discord", "changed(\"rank_id\") and new_value(\"rank_id\") > old_value(\"rank_id\")", discord,
                discordTemplate);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", "{{ model.id }}");
        user.put("name", "{{ model.name }}");
        user.put("email", "{{ model.email }}");
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("event", "user_promoted");
        integration.put("user", user);
        integration.put("promoted_by", "{{ causer.name }}");
        automation("Integration", "ends_with(model.email, \"@agency.gov\") and causer != null and causer.id == 1",
                custom, integration);
        String never = webhook(tenant, receiver.url("/never"), List.of(), "post", null, true);
        automation("Example domain", "contains(model.email, \"@example.com\")", never, Map.of());
        automation("Approved", "model.approved == true", never, Map.of());

        Map<String, Object> body = event(tenant, "user.updated", Map.of("id", 42, "name", "Zoë O'Brien",
                "email", "zoe@agency.gov", "approved", false));
        body.put("changes", Map.of("rank_id", Map.of("old", 3, "new", 4)));
        body.put("causer", Map.of("id", 1, "name", "Admin"));
        ingest(body).statusCode(202);

        JsonNode discordData = JSON.readTree(receiver.await("/discord", 1, WAIT).get(0).body()).get("data");
        assertEquals("{\"content\":\"New user registered: Zo\u00eb O&#039;Brien\",\"username\":\"PERSCOM Bot\"}",
                discordData.toString());
        JsonNode customData = JSON.readTree(receiver.await("/custom", 1, WAIT).get(0).body()).get("data");
        assertEquals("{\"event\":\"user_promoted\",\"user\":{\"id\":\"42\",\"name\":\"Zo\u00eb O&#039;Brien\","
                + "\"email\":\"zoe@agency.gov\"},\"promoted_by\":\"Admin\"}", customData.toString());
        // The deliveries of one event's automations are stored in one transaction: none was made for the others.
        assertEquals(0, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(never)),
                "conditions that do not hold send nothing");
    }

    private void automation(String name, String condition, String webhookId, Map<String, Object> template) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("trigger", "user.updated");
        body.put("condition", condition);
        body.put("webhook_id", webhookId);
        body.put("webhook_payload_template", template);
        admin(tenant).body(body).when().post("/api/v1/automations").then().statusCode(201);
    }
}

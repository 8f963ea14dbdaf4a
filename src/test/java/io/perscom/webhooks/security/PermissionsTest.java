package io.perscom.webhooks.security;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.as;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.perscom.webhooks.support.Management.management;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Each admin operation needs PERSCOM's permission for it; manage:webhook grants them all. */
@QuarkusTest
class PermissionsTest extends ReceiverTest {

    private static final String READ_ONLY = "view_any_webhook view_webhook view_any_webhook_log view_webhook_log "
            + "view_any_automation view_automation view_any_automation_log";

    private RequestSpecification with(String scopes) {
        return as(TestTokens.withScope(tenant, scopes));
    }

    private String hook() {
        return webhook(tenant, receiver.url("/hook"), null, "user.created");
    }

    private String automation(String hook) {
        return admin(tenant).body(Map.of("name", "A", "trigger", "user.created", "webhook_id", hook,
                "webhook_payload_template", Map.of("id", "{{ model.id }}"))).when().post("/api/v1/automations")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aReadOnlyAdminSeesWebhooksAutomationsAndLogsButChangesNothing() {
        String hook = hook();
        String automation = automation(hook);
        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202);
        receiver.await("/hook", 2, WAIT);
        String logId = io.perscom.webhooks.support.Await.until(() -> admin(tenant).when()
                .get("/api/v1/webhooks/" + hook + "/logs").then().extract().<List<String>>path("data.id"),
                ids -> !ids.isEmpty(), WAIT, "a logged attempt").get(0);
        String webhookPath = "/api/v1/webhooks/" + hook;
        String automationPath = "/api/v1/automations/" + automation;

        for (String path : List.of("/api/v1/webhooks", webhookPath, webhookPath + "/logs",
                webhookPath + "/logs/" + logId, "/api/v1/automations", automationPath, automationPath + "/logs",
                "/api/v1/event-types")) {
            with(READ_ONLY).when().get(path).then().statusCode(200);
        }
        with(READ_ONLY).body(Map.of("data", Map.of("id", 1))).when().post(automationPath + "/preview").then()
                .statusCode(200);

        Map<String, Object> webhookBody = Map.of("url", receiver.url("/other"));
        refused(with(READ_ONLY).body(webhookBody).when().post("/api/v1/webhooks"));
        refused(with(READ_ONLY).body(webhookBody).when().put(webhookPath));
        refused(with(READ_ONLY).body(Map.of("enabled", false)).when().patch(webhookPath));
        refused(with(READ_ONLY).when().delete(webhookPath));
        refused(with(READ_ONLY).when().get(webhookPath + "/secret"));
        refused(with(READ_ONLY).when().post(webhookPath + "/secret/rotate"));
        refused(with(READ_ONLY).when().post(webhookPath + "/logs/" + logId + "/redeliver"));
        refused(with(READ_ONLY).when().post(webhookPath + "/test"));
        refused(with(READ_ONLY).body(Map.of("name", "B")).when().post("/api/v1/automations"));
        refused(with(READ_ONLY).body(Map.of("name", "B")).when().patch(automationPath));
        refused(with(READ_ONLY).when().delete(automationPath));
        refused(with(READ_ONLY).body(Map.of("data", Map.of("id", 1), "automation", Map.of("trigger",
                "user.created", "webhook_payload_template", Map.of()))).when().post("/api/v1/automations/preview"));

        assertEquals(2, receiver.received("/hook").size(), "no test event or redelivery went out");
        assertEquals(1, count("select count(*) from webhook where tenant_id = ? and enabled", tenant));
        assertEquals(1, count("select count(*) from automation where tenant_id = ?", tenant));
    }

    @Test
    void eachWritePermissionAllowsItsOperationOnly() {
        String created = with("create_webhook").body(Map.of("url", receiver.url("/created"))).when()
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String path = "/api/v1/webhooks/" + created;
        refused(with("create_webhook").when().get(path));
        refused(with("create_webhook").when().delete(path));

        with("update_webhook").body(Map.of("description", "changed")).when().patch(path).then().statusCode(200);
        with("update_webhook").when().get(path + "/secret").then().statusCode(200);
        with("update_webhook").when().post(path + "/secret/rotate").then().statusCode(200);
        with("update_webhook").when().post(path + "/test").then().statusCode(200);
        receiver.await("/created", 1, WAIT);
        refused(with("update_webhook").when().delete(path));
        refused(with("update_webhook").when().get("/api/v1/webhooks"));

        refused(with("view_webhook").when().get("/api/v1/webhooks"));
        with("view_webhook").when().get(path).then().statusCode(200).body("description", equalTo("changed"));
        refused(with("view_webhook").when().get(path + "/logs"));

        with("delete_webhook").when().delete(path).then().statusCode(204);
        assertEquals(0, count("select count(*) from webhook where id = ?", UUID.fromString(created)));
    }

    @Test
    void automationPermissionsAreTheirOwn() {
        String hook = hook();
        refused(with("create_webhook update_webhook delete_webhook").body(Map.of("name", "A")).when()
                .post("/api/v1/automations"));
        String id = with("create_automation").body(Map.of("name", "A", "trigger", "user.created", "webhook_id",
                hook, "webhook_payload_template", Map.of("id", "{{ model.id }}"))).when()
                .post("/api/v1/automations").then().statusCode(201).extract().path("id");
        String path = "/api/v1/automations/" + id;
        refused(with("create_automation").when().get(path));
        with("update_automation").body(Map.of("priority", 5)).when().patch(path).then().statusCode(200)
                .body("priority", equalTo(5));
        with("update_automation").body(Map.of("data", Map.of("id", 1), "automation", Map.of("trigger",
                "user.created", "webhook_payload_template", Map.of("x", 1)))).when()
                .post("/api/v1/automations/preview").then().statusCode(200);
        refused(with("view_any_automation").when().get(path + "/logs"));
        with("view_any_automation_log").when().get(path + "/logs").then().statusCode(200);
        refused(with("update_automation").when().delete(path));
        with("delete_automation").when().delete(path).then().statusCode(204);
    }

    @Test
    void theOpenApiDocumentNamesThePermissionOfEachOperation() {
        JsonPath doc = management().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String create = doc.getString("paths.'/api/v1/webhooks'.post.description");
        assertTrue(create.contains("`create_webhook`") && create.contains("`manage:webhook`"), create);
        String list = doc.getString("paths.'/api/v1/webhooks'.get.description");
        assertTrue(list.contains("`view_any_webhook`") && !list.contains("create_webhook"), list);
        String plan = doc.getString("paths.'/internal/v1/tenants/{tenant_id}/plan'.put.description");
        assertTrue(plan.contains("`manage:tenant`") && !plan.contains("manage:webhook"), plan);
    }

    private static void refused(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("does not grant"));
    }
}

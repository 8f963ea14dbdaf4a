package io.perscom.webhooks.tenancy.plan;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Api.as;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.event;
import static io.perscom.webhooks.support.Fixtures.execute;
import static io.perscom.webhooks.support.Fixtures.ingest;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Api;
import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.Metrics;
import io.perscom.webhooks.support.ReceiverTest;
import io.perscom.webhooks.support.TestReceiver.Reply;
import io.perscom.webhooks.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PlanTest extends ReceiverTest {

    private static final String SERVICE = TestTokens.withScope("perscom", "manage:tenant");

    @Test
    void reportingAPlanNeedsTheManageTenantScope() {
        String path = "/internal/v1/tenants/" + tenant + "/plan";
        Map<String, String> body = Map.of("plan", "pro");
        Api.admin(tenant).body(body).when().put(path).then().statusCode(403);
        as(TestTokens.withScope("perscom", "publish:event")).body(body).when().put(path).then().statusCode(403);
        as(TestTokens.withScope("perscom", "publish:event")).when().get(path).then().statusCode(403);
        io.restassured.RestAssured.given().body(body).when().put(path).then().statusCode(401);
        assertEquals(0, count("select count(*) from tenant_plan where tenant_id = ?", tenant));
    }

    @Test
    void aTenantNeverReportedTakesTheDefaultPlan() {
        as(SERVICE).when().get("/internal/v1/tenants/" + tenant + "/plan").then().statusCode(200)
                .body("tenant_id", equalTo(tenant)).body("plan", equalTo("enterprise"))
                .body("entitled", equalTo(true)).body("reported", equalTo(false)).body("updated_at", nullValue());
    }

    @Test
    void onlyPerscomsPlansAreAccepted() {
        String path = "/internal/v1/tenants/" + tenant + "/plan";
        as(SERVICE).body(Map.of("plan", "gold")).when().put(path).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("plan"));
        as(SERVICE).body(Map.of("plan", "pro")).when().put("/internal/v1/tenants/..%2Fx/plan").then()
                .statusCode(422);
        report(tenant, "pro").body("plan", equalTo("pro")).body("entitled", equalTo(false))
                .body("reported", equalTo(true));
        as(SERVICE).when().get(path).then().statusCode(200).body("plan", equalTo("pro"));
    }

    @Test
    void withoutEnterpriseTheAdminApiAnswers403PlanRequired() {
        String hook = webhook(tenant, receiver.url("/kept"), null, "user.created");
        report(tenant, "basic");
        for (String path : List.of("/api/v1/webhooks", "/api/v1/webhooks/" + hook, "/api/v1/webhooks/" + hook
                + "/logs", "/api/v1/automations", "/api/v1/event-types")) {
            admin(tenant).when().get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", endsWith("/plan-required")).body("title", equalTo("Enterprise plan required"))
                    .body("detail", containsString("Enterprise plan")).body("detail", containsString("'basic'"));
        }
        admin(tenant).body(Map.of("url", receiver.url("/new"))).when().post("/api/v1/webhooks").then()
                .statusCode(403).body("type", endsWith("/plan-required"));
        assertEquals(1, count("select count(*) from webhook where tenant_id = ?", tenant), "nothing created");

        report(tenant, "enterprise");
        admin(tenant).when().get("/api/v1/webhooks/" + hook).then().statusCode(200)
                .body("url", equalTo(receiver.url("/kept")));
    }

    @Test
    void eventsWithoutEnterpriseCreateNoWorkAndAreCounted() {
        String hook = webhook(tenant, receiver.url("/hook"), null, "user.created");
        admin(tenant).body(Map.of("name", "Mirror", "trigger", "user.created", "webhook_id", hook,
                "webhook_payload_template", Map.of("id", "{{ model.id }}"))).when().post("/api/v1/automations")
                .then().statusCode(201);
        report(tenant, "pro");
        String series = "webhooks_events_not_entitled_total{reason=\"pro\"}";
        double before = Metrics.value(series);

        ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202).body("deliveries", equalTo(0));

        assertEquals(before + 1, Metrics.value(series));
        assertEquals(0, count("select count(*) from delivery where tenant_id = ?", tenant));
        assertEquals(0, count("select count(*) from automation_job where tenant_id = ?", tenant));
        assertEquals(1, count("select count(*) from event where tenant_id = ?", tenant), "the event is kept");
        assertEquals(1, count("select count(*) from automation where tenant_id = ?", tenant), "automation kept");

        report(tenant, "enterprise");
        ingest(event(tenant, "user.created", Map.of("id", 2))).statusCode(202).body("deliveries", equalTo(1));
        receiver.await("/hook", 2, WAIT); // the plain delivery and the automation's
        assertEquals(before + 1, Metrics.value(series));
    }

    @Test
    void aDowngradePausesQueuedDeliveriesAndAnUpgradeSendsThem() {
        receiver.script("/paused", Reply.status(503).withHeader("Retry-After", "3600"), Reply.status(204));
        String hook = webhook(tenant, receiver.url("/paused"), null, "user.created");
        String eventId = ingest(event(tenant, "user.created", Map.of("id", 1))).statusCode(202).extract().path("id");
        receiver.await("/paused", 1, WAIT);
        awaitDeliveryAttempts(eventId, 1);

        report(tenant, "basic");
        // The retry is due now; a delivery of an entitled tenant due just after it proves the poller passed it by.
        execute("update delivery set next_attempt_at = now() - interval '1 second' where event_id = ?",
                UUID.fromString(eventId));
        String witness = Api.freshTenant();
        webhook(witness, receiver.url("/witness"), null, "user.created");
        receiver.script("/witness", Reply.status(503).withHeader("Retry-After", "3600"), Reply.status(204));
        String witnessEvent = ingest(event(witness, "user.created", Map.of("id", 2))).statusCode(202)
                .extract().path("id");
        receiver.await("/witness", 1, WAIT);
        awaitDeliveryAttempts(witnessEvent, 1);
        execute("update delivery set next_attempt_at = now() where event_id = ?", UUID.fromString(witnessEvent));
        receiver.await("/witness", 2, WAIT);

        assertEquals(1, receiver.received("/paused").size(), "nothing sent while paused");
        assertEquals(1, count("select count(*) from delivery where event_id = ? and status = 'pending'"
                + " and lease_owner is null", UUID.fromString(eventId)), "deferred, not failed or dropped");
        assertEquals(1, count("select count(*) from webhook where id = ?", UUID.fromString(hook)));

        report(tenant, "enterprise");
        receiver.await("/paused", 2, WAIT);
        Await.until(() -> count("select count(*) from delivery where event_id = ? and status = 'succeeded'",
                UUID.fromString(eventId)), n -> n == 1, WAIT, "the paused delivery succeeded after the upgrade");
        admin(tenant).when().get("/api/v1/webhooks/" + hook + "/logs").then().statusCode(200)
                .body("meta.total", equalTo(2));
    }

    @Test
    void aDowngradePausesQueuedAutomationRunsAndAnUpgradeRunsThem() {
        automationTo(tenant, "/paused-run");
        report(tenant, "basic");
        String paused = queueAutomationRun(tenant);
        // The job poller takes the oldest jobs first: an entitled tenant's later job running proves it passed ours.
        String witness = Api.freshTenant();
        automationTo(witness, "/witness-run");
        queueAutomationRun(witness);
        receiver.await("/witness-run", 1, WAIT);

        assertEquals(0, receiver.received("/paused-run").size(), "nothing run while paused");
        assertEquals(1, count("select count(*) from automation_job where event_id = ?", UUID.fromString(paused)));
        assertEquals(0, count("select count(*) from automation_log where event_id = ?", UUID.fromString(paused)));

        report(tenant, "enterprise");
        receiver.await("/paused-run", 1, WAIT);
    }

    private void automationTo(String tenantId, String path) {
        String hook = webhook(tenantId, receiver.url(path), null);
        admin(tenantId).body(Map.of("name", "Run", "trigger", "user.created", "webhook_id", hook,
                "webhook_payload_template", Map.of("id", "{{ model.id }}"))).when().post("/api/v1/automations")
                .then().statusCode(201);
    }

    /** An accepted event whose automation run is queued for any replica (as when the accepting one had no room). */
    private static String queueAutomationRun(String tenantId) {
        UUID eventId = UUID.randomUUID();
        String context = io.perscom.webhooks.automation.AutomationContext.of("user.created",
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", 5), null, null,
                java.time.Instant.now()).toString();
        execute("insert into event (id, tenant_id, type, payload, accepted_at) values (?, ?, 'user.created', '{}',"
                + " now())", eventId, tenantId);
        execute("insert into automation_job (event_id, tenant_id, event_type, context, created_at)"
                + " values (?, ?, 'user.created', ?, clock_timestamp())", eventId, tenantId, context);
        return eventId.toString();
    }

    private static void awaitDeliveryAttempts(String eventId, int attempts) {
        Await.until(() -> count("select count(*) from delivery where event_id = ? and attempts = ? and lease_owner"
                + " is null", UUID.fromString(eventId), attempts), n -> n == 1, Duration.ofSeconds(10),
                "attempt " + attempts + " recorded");
    }

    private static ValidatableResponse report(String tenantId, String plan) {
        return as(SERVICE).body(Map.of("plan", plan)).when().put("/internal/v1/tenants/" + tenantId + "/plan")
                .then().statusCode(200);
    }
}

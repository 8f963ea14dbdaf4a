package io.perscom.webhooks.delivery;

import static io.perscom.webhooks.support.Api.admin;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.execute;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static io.perscom.webhooks.support.Management.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.Await;
import io.perscom.webhooks.support.ReceiverTest;
import io.quarkus.test.junit.QuarkusTest;

/** Work that fails inside the service reaches a visible, final state instead of being retried forever. */
@QuarkusTest
class PoisonWorkTest extends ReceiverTest {

    @Test
    void aDeliveryTheServiceCannotSendEndsFailedWithInternalAttempts() {
        String webhookId = webhook(tenant, receiver.url("/poison"), List.of("user.deleted"), "get", null, true);
        UUID eventId = UUID.randomUUID();
        // A payload that is not JSON cannot become a GET query string: the sender throws before any request.
        execute("insert into event (id, tenant_id, type, payload, accepted_at) values (?, ?, 'user.deleted', "
                + "'not json', now())", eventId, tenant);
        UUID deliveryId = UUID.randomUUID();
        execute("insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, "
                + "max_attempts, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, 'user.deleted', ?, "
                + "'pending', 0, 2, now(), now(), now())", deliveryId, tenant, eventId, UUID.fromString(webhookId),
                eventId);

        Await.until(() -> count("select count(*) from delivery where id = ? and status = 'failed'", deliveryId),
                n -> n == 1, WAIT, "the delivery to fail for good");
        assertEquals(2, count("select count(*) from delivery_attempt where delivery_id = ? and error_kind = "
                + "'internal'", deliveryId), "every attempt is logged with error kind internal");
        assertEquals(1, count("select count(*) from delivery_attempt where delivery_id = ? and outcome = 'failed'",
                deliveryId));
        assertEquals(0, receiver.received("/poison").size(), "nothing was sent");
        admin(tenant).when().get("/api/v1/webhooks/" + webhookId + "/logs").then().statusCode(200)
                .body("data[0].error_kind", org.hamcrest.Matchers.equalTo("internal"));
        management().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("webhooks_poison_work_total{kind=\"delivery\"}"));
    }

    @Test
    void automationsOfAnEventThatKeepFailingAreGivenUpWithFailedLogs() {
        String target = webhook(tenant, receiver.url("/auto"), List.of(), "post", null, true);
        String automation = admin(tenant).body(Map.of("name", "Gives up", "trigger", "user.deleted",
                "webhook_id", target, "webhook_payload_template", Map.of("x", "{{ model.id }}")))
                .when().post("/api/v1/automations").then().statusCode(201).extract().path("id");
        UUID eventId = UUID.randomUUID();
        execute("insert into event (id, tenant_id, type, payload, accepted_at) values (?, ?, 'user.deleted', '{}', "
                + "now())", eventId, tenant);
        // A job whose context cannot be read fails every run; this one has used up its attempts already.
        execute("insert into automation_job (event_id, tenant_id, event_type, context, lease_owner, lease_until, "
                + "created_at, attempts) values (?, ?, 'user.deleted', 'not json', 'crashed', now() - interval "
                + "'1 second', now(), 5)", eventId, tenant);

        List<Map<String, Object>> logs = Await.until(() -> admin(tenant).when()
                .get("/api/v1/automations/" + automation + "/logs").then().statusCode(200).extract()
                .<List<Map<String, Object>>> path("data"), l -> !l.isEmpty(), WAIT, "a failed log");
        assertEquals("failed", logs.get(0).get("status"));
        assertEquals("internal", logs.get(0).get("error_kind"));
        assertTrue(String.valueOf(logs.get(0).get("error")).contains("could not be run"));
        assertEquals(0, count("select count(*) from automation_job where event_id = ?", eventId), "job removed");
        assertEquals(0, count("select count(*) from delivery where webhook_id = ?", UUID.fromString(target)));
    }
}

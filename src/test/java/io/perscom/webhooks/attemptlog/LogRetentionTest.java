package io.perscom.webhooks.attemptlog;

import static io.perscom.webhooks.support.Api.freshTenant;
import static io.perscom.webhooks.support.Fixtures.count;
import static io.perscom.webhooks.support.Fixtures.execute;
import static io.perscom.webhooks.support.Fixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LogRetentionTest {

    @Inject
    LogRetention retention;

    @Test
    void prunesOnlyWhatIsPastRetentionAndNeverPendingWork() {
        String tenant = freshTenant();
        UUID webhookId = UUID.fromString(webhook(tenant, "http://127.0.0.1:9/x", null, "user.created"));
        UUID oldEvent = event(tenant, "40 days");
        UUID oldDone = delivery(tenant, oldEvent, webhookId, "succeeded", "40 days");
        for (int i = 0; i < 25; i++) {
            attempt(tenant, oldDone, webhookId, oldEvent, "40 days");
        }
        UUID oldPendingEvent = event(tenant, "40 days");
        delivery(tenant, oldPendingEvent, webhookId, "pending", "40 days");
        UUID automation = UUID.randomUUID();
        execute("insert into automation (id, tenant_id, name, trigger, webhook_id, webhook_payload_template, "
                + "created_at, updated_at) values (?, ?, 'a', 'user.created', ?, '{}', now(), now())", automation,
                tenant, webhookId);
        String log = "insert into automation_log (id, tenant_id, automation_id, event_id, status, context, "
                + "execution_ms, created_at) values (gen_random_uuid(), ?, ?, ?, 'condition_failed', '{}', 1, "
                + "now() - cast(? as interval))";
        execute(log, tenant, automation, oldEvent, "40 days");
        execute(log, tenant, automation, oldEvent, "2 days");
        UUID recentEvent = event(tenant, "1 day");
        UUID recentDone = delivery(tenant, recentEvent, webhookId, "failed", "1 day");
        attempt(tenant, recentDone, webhookId, recentEvent, "1 day");

        retention.prune(Duration.ofDays(30)).await().atMost(Duration.ofSeconds(30));

        assertEquals(0, count("select count(*) from delivery_attempt where delivery_id = ?", oldDone));
        assertEquals(0, count("select count(*) from delivery where id = ?", oldDone));
        assertEquals(0, count("select count(*) from event where id = ?", oldEvent));
        assertEquals(1, count("select count(*) from event where id = ?", oldPendingEvent), "pending work is kept");
        assertEquals(1, count("select count(*) from delivery where event_id = ?", oldPendingEvent));
        assertEquals(1, count("select count(*) from delivery_attempt where delivery_id = ?", recentDone));
        assertEquals(1, count("select count(*) from event where id = ?", recentEvent));
        assertEquals(1, count("select count(*) from automation_log where automation_id = ?", automation),
                "only the recent automation log is kept");
    }

    private static UUID event(String tenant, String age) {
        UUID id = UUID.randomUUID();
        execute("insert into event (id, tenant_id, type, payload, accepted_at) values (?, ?, 'user.created', '{}', "
                + "now() - cast(? as interval))", id, tenant, age);
        return id;
    }

    private static UUID delivery(String tenant, UUID event, UUID webhook, String status, String age) {
        UUID id = UUID.randomUUID();
        execute("insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, "
                + "attempts, max_attempts, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, "
                + "'user.created', ?, ?, 1, 8, now() + interval '1 day', now() - cast(? as interval), "
                + "now() - cast(? as interval))", id, tenant, event, webhook, event, status, age, age);
        return id;
    }

    private static void attempt(String tenant, UUID delivery, UUID webhook, UUID event, String age) {
        execute("insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, "
                + "attempt, method, url, request_headers, duration_ms, outcome, created_at) values (?, ?, ?, ?, ?, "
                + "'user.created', 1, 'post', 'http://x', '{}', 1, 'failed', now() - cast(? as interval))",
                UUID.randomUUID(), tenant, delivery, webhook, event, age);
    }
}

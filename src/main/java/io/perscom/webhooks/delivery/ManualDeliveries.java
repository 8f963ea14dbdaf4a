package io.perscom.webhooks.delivery;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.payload.WebhookPayload;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.persistence.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries an admin asks for: the {@code webhook.test} event sent at once to one webhook, and the redelivery of a
 * logged attempt's payload. Both go through the normal path (signing, attempt log); both are tenant-scoped.
 */
@ApplicationScoped
public class ManualDeliveries {

    /** Stores a test event and its single-attempt delivery, leased to this replica; returns the job. */
    static final String TEST_EVENT = """
            with w as (
                select * from webhook where id = $1 and tenant_id = $2
            ), ev as (
                insert into event (id, tenant_id, type, payload, accepted_at)
                select $3, w.tenant_id, $4, $5, now() from w
                returning id, tenant_id, type, payload, trace_id
            ), d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts,
                    max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                select uuid_generate_v7(), ev.tenant_id, ev.id, $1, ev.type, ev.id, 'pending', 0, 1, now(), $6,
                    now() + $7::bigint * interval '1 millisecond', now(), now()
                from ev
                returning *
            )
            select %s from d join w on true cross join ev p
            """.formatted(DeliveryRows.JOB_COLUMNS);

    /** A new delivery of the same message (same event, message id and body) as the logged attempt's. */
    static final String REDELIVER = """
            with old as (
                select d.* from delivery_attempt a join delivery d on d.id = a.delivery_id
                where a.id = $1 and a.webhook_id = $2 and a.tenant_id = $3
            ), d as (
                insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, payload, status,
                    attempts, max_attempts, next_attempt_at, lease_owner, lease_until, created_at, updated_at)
                select uuid_generate_v7(), old.tenant_id, old.event_id, old.webhook_id, old.event_type,
                    old.message_id, old.payload, 'pending', 0, $4, now(), $5,
                    now() + $6::bigint * interval '1 millisecond', now(), now()
                from old
                returning *
            )
            select %s from d join webhook w on w.id = d.webhook_id
                cross join lateral (select coalesce(d.payload, e.payload) as payload, e.trace_id from event e
                                    where e.id = d.event_id) p
            """.formatted(DeliveryRows.JOB_COLUMNS);

    private final Pool pool;
    private final DeliveryRows rows;
    private final DeliveryProcessor processor;
    private final DeliveryDispatcher dispatcher;
    private final RetryPolicy retryPolicy;
    private final String replica;
    private final long leaseMillis;

    public ManualDeliveries(Pool pool, DeliveryRows rows, DeliveryProcessor processor, DeliveryDispatcher dispatcher,
            RetryPolicy retryPolicy, ReplicaIdentity replica, DeliveryConfig config) {
        this.pool = pool;
        this.rows = rows;
        this.processor = processor;
        this.dispatcher = dispatcher;
        this.retryPolicy = retryPolicy;
        this.replica = replica.id();
        this.leaseMillis = config.lease().toMillis();
    }

    /** Sends {@code webhook.test} with the admin's data now and answers with the attempt's record. */
    public Uni<AttemptRecord> sendTest(String tenantId, UUID webhookId, JsonNode data) {
        String payload = WebhookPayload.render(WebhookPayload.build(EventCatalog.TEST_EVENT, Timestamps.now(),
                null, null, data, null));
        Tuple params = Tuple.tuple(List.of(webhookId, tenantId, Ids.newId(), EventCatalog.TEST_EVENT, payload,
                replica, leaseMillis));
        return pool.preparedQuery(TEST_EVENT).execute(params)
                .map(result -> single(result.iterator(), "Webhook " + webhookId))
                // A test goes out even to a disabled webhook: the admin is checking the endpoint.
                .flatMap(processor::processOnce);
    }

    /** Queues a new delivery of the logged attempt's message; answers with the new delivery's id. */
    public Uni<UUID> redeliver(String tenantId, UUID webhookId, UUID attemptId) {
        Tuple params = Tuple.tuple(List.of(attemptId, webhookId, tenantId, retryPolicy.maxAttempts(), replica,
                leaseMillis));
        return pool.preparedQuery(REDELIVER).execute(params)
                .map(result -> single(result.iterator(), "Log " + attemptId))
                .invoke(job -> dispatcher.submit(List.of(job)))
                .map(DeliveryJob::deliveryId);
    }

    private DeliveryJob single(java.util.Iterator<Row> result, String what) {
        if (!result.hasNext()) {
            throw ApiException.notFound(what);
        }
        return rows.job(result.next());
    }
}

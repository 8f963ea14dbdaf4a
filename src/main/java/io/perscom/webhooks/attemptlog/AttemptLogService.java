package io.perscom.webhooks.attemptlog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.api.SqlPages;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.delivery.queue.DeliveryStatus;
import io.perscom.webhooks.persistence.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads attempt logs of a tenant's webhook; where each delivery stands now, and the message it sent, come from the
 * queue.
 */
@ApplicationScoped
public class AttemptLogService {

    private final Pool pool;
    private final DeliveryQueue queue;
    private final ObjectMapper mapper;

    public AttemptLogService(Pool pool, DeliveryQueue queue, ObjectMapper mapper) {
        this.pool = pool;
        this.queue = queue;
        this.mapper = mapper;
    }

    public Uni<PageResponse<AttemptLogView>> list(String tenantId, UUID webhookId, AttemptLogFilter filter,
            PageRequest page) {
        return requireWebhook(tenantId, webhookId)
                .flatMap(ok -> filter.requestId() == null && filter.traceId() == null ? Uni.createFrom().nullItem()
                        : queue.deliveriesOfEvents(tenantId, webhookId, filter.requestId(), filter.traceId()))
                .flatMap(deliveries -> page(tenantId, webhookId, filter, deliveries, page))
                .flatMap(rows -> {
                    List<UUID> deliveryIds = rows.data().stream().map(row -> row.getUUID("delivery_id")).distinct()
                            .toList();
                    return queue.statuses(deliveryIds).map(statuses -> new PageResponse<>(rows.data().stream()
                            .map(row -> view(row, statuses.get(row.getUUID("delivery_id")), null)).toList(),
                            rows.meta()));
                });
    }

    /** {@code deliveries}: only attempts of these (the events PERSCOM's ids name), or null for all. */
    private Uni<PageResponse<Row>> page(String tenantId, UUID webhookId, AttemptLogFilter filter,
            List<UUID> deliveries, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(tenantId, webhookId));
        StringBuilder where = new StringBuilder("a.tenant_id = $1 and a.webhook_id = $2");
        add(where, params, "a.event_type = $?", filter.eventType());
        add(where, params, "a.outcome = $?", filter.outcome());
        add(where, params, "a.created_at >= $?", utc(filter.from()));
        add(where, params, "a.created_at < $?", utc(filter.to()));
        add(where, params, "a.event_id = $?", filter.eventId());
        add(where, params, "a.delivery_id = any($?)", deliveries == null ? null : deliveries.toArray(UUID[]::new));
        return SqlPages.page(pool, "a.*", "from delivery_attempt a where " + where, "a.created_at desc, a.id desc",
                Tuple.tuple(params), page, row -> row);
    }

    public Uni<AttemptLogView> get(String tenantId, UUID webhookId, UUID logId) {
        return pool.preparedQuery("select a.* from delivery_attempt a "
                + "where a.tenant_id = $1 and a.webhook_id = $2 and a.id = $3")
                .execute(Tuple.of(tenantId, webhookId, logId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("Log " + logId);
                    }
                    return rows.iterator().next();
                })
                .flatMap(row -> queue.state(row.getUUID("delivery_id")).map(delivery -> view(row,
                        delivery == null ? null : delivery.status(),
                        delivery == null ? null : StoredJson.readOrText(mapper, delivery.payload()))));
    }

    /** Fails with 404 unless the webhook exists in this tenant. */
    public Uni<Void> requireWebhook(String tenantId, UUID webhookId) {
        return pool.preparedQuery("select 1 from webhook where id = $1 and tenant_id = $2")
                .execute(Tuple.of(webhookId, tenantId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("Webhook " + webhookId);
                    }
                    return null;
                });
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            params.add(value);
            where.append(" and ").append(clause.replace("$?", "$" + params.size()));
        }
    }

    private AttemptLogView view(Row row, DeliveryStatus deliveryStatus, JsonNode payload) {
        return new AttemptLogView(row.getUUID("id"), row.getUUID("delivery_id"), row.getUUID("webhook_id"),
                row.getUUID("event_id"), row.getString("event_type"), row.getInteger("attempt"),
                row.getString("method"), row.getString("url"), list(row.getValue("redirects")),
                map(row.getValue("request_headers")),
                row.getInteger("response_status"), row.getString("response_reason"),
                map(row.getValue("response_headers")), row.getString("response_body"),
                row.getBoolean("response_body_truncated"), row.getLong("response_body_bytes"),
                row.getInteger("duration_ms"), row.getString("error_kind"), row.getString("error_message"),
                row.getString("outcome"), instant(row.getOffsetDateTime("next_attempt_at")),
                instant(row.getOffsetDateTime("created_at")), deliveryStatus == null ? null : deliveryStatus.column(),
                payload);
    }

    private static List<Object> list(Object json) {
        return json instanceof JsonArray array ? array.getList() : null;
    }

    private static Map<String, Object> map(Object json) {
        return json instanceof JsonObject object ? object.getMap() : null;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

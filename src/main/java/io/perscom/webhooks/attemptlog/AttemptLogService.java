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
import io.perscom.webhooks.persistence.SqlPages;
import io.perscom.webhooks.persistence.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads attempt logs of a tenant's webhook. */
@ApplicationScoped
public class AttemptLogService {

    private static final String COLUMNS = "a.*, d.status as delivery_status";
    /** Attempts of the events whose column %s equals the parameter. */
    private static final String EVENT_DELIVERIES = "a.delivery_id in (select ed.id from event e join delivery ed "
            + "on ed.event_id = e.id where e.tenant_id = $1 and ed.webhook_id = $2 and %s = $?)";

    private final Pool pool;
    private final ObjectMapper mapper;

    public AttemptLogService(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<PageResponse<AttemptLogView>> list(String tenantId, UUID webhookId, AttemptLogFilter filter,
            PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(tenantId, webhookId));
        StringBuilder where = new StringBuilder("a.tenant_id = $1 and a.webhook_id = $2");
        add(where, params, "a.event_type = $?", filter.eventType());
        add(where, params, "a.outcome = $?", filter.outcome());
        add(where, params, "a.created_at >= $?", utc(filter.from()));
        add(where, params, "a.created_at < $?", utc(filter.to()));
        add(where, params, "a.event_id = $?", filter.eventId());
        // Through the event's partial indexes, then delivery (event_id) and attempt (delivery_id) indexes.
        add(where, params, EVENT_DELIVERIES.formatted("e.request_id"), filter.requestId());
        add(where, params, EVENT_DELIVERIES.formatted("e.trace_id"), filter.traceId());
        String from = "from delivery_attempt a join delivery d on d.id = a.delivery_id where " + where;
        return requireWebhook(tenantId, webhookId).flatMap(ok -> SqlPages.page(pool, COLUMNS, from,
                "a.created_at desc, a.id desc", Tuple.tuple(params), page, row -> view(row, null)));
    }

    public Uni<AttemptLogView> get(String tenantId, UUID webhookId, UUID logId) {
        String select = "select " + COLUMNS + ", coalesce(d.payload, e.payload) as payload "
                + "from delivery_attempt a join delivery d on d.id = a.delivery_id join event e on e.id = a.event_id "
                + "where a.tenant_id = $1 and a.webhook_id = $2 and a.id = $3";
        return pool.preparedQuery(select).execute(Tuple.of(tenantId, webhookId, logId)).map(rows -> {
            if (rows.size() == 0) {
                throw ApiException.notFound("Log " + logId);
            }
            Row row = rows.iterator().next();
            return view(row, StoredJson.readOrText(mapper, row.getString("payload")));
        });
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

    private AttemptLogView view(Row row, JsonNode payload) {
        return new AttemptLogView(row.getUUID("id"), row.getUUID("delivery_id"), row.getUUID("webhook_id"),
                row.getUUID("event_id"), row.getString("event_type"), row.getInteger("attempt"),
                row.getString("method"), row.getString("url"), list(row.getValue("redirects")),
                map(row.getValue("request_headers")),
                row.getInteger("response_status"), row.getString("response_reason"),
                map(row.getValue("response_headers")), row.getString("response_body"),
                row.getBoolean("response_body_truncated"), row.getLong("response_body_bytes"),
                row.getInteger("duration_ms"), row.getString("error_kind"), row.getString("error_message"),
                row.getString("outcome"), instant(row.getOffsetDateTime("next_attempt_at")),
                instant(row.getOffsetDateTime("created_at")), row.getString("delivery_status"), payload);
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

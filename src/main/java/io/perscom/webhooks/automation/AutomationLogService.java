package io.perscom.webhooks.automation;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.api.SqlPages;
import io.perscom.webhooks.persistence.StoredJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads an automation's logs, newest first. */
@ApplicationScoped
public class AutomationLogService {

    private final Pool pool;
    private final ObjectMapper mapper;

    public AutomationLogService(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<PageResponse<AutomationLogView>> list(String tenantId, UUID automationId, String status,
            PageRequest page) {
        String where = "tenant_id = $1 and automation_id = $2" + (status == null ? "" : " and status = $3");
        Tuple params = status == null ? Tuple.of(tenantId, automationId) : Tuple.of(tenantId, automationId, status);
        return pool.preparedQuery("select 1 from automation where id = $1 and tenant_id = $2")
                .execute(Tuple.of(automationId, tenantId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("Automation " + automationId);
                    }
                })
                .flatMap(ok -> SqlPages.page(pool, "*", "from automation_log where " + where,
                        "created_at desc, id desc", params, page, this::view));
    }

    private AutomationLogView view(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new AutomationLogView(row.getUUID("id"), row.getUUID("automation_id"), row.getUUID("event_id"),
                row.getString("status"), row.getString("condition"), row.getBoolean("condition_result"),
                StoredJson.readOrText(mapper, row.getString("context")),
                StoredJson.readOrText(mapper, row.getString("rendered_payload")),
                row.getString("error"), row.getString("error_kind"), row.getInteger("execution_ms"),
                row.getUUID("delivery_id"),
                created.toInstant());
    }
}

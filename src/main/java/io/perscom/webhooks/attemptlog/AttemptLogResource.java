package io.perscom.webhooks.attemptlog;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.api.QueryParams;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.delivery.dispatch.ManualDeliveries;
import io.perscom.webhooks.security.Scopes;
import io.perscom.webhooks.tenancy.plan.RequiresPlan;
import io.perscom.webhooks.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;

/** Admin API: a webhook's attempt logs, redelivery of a logged message, and the test event. */
@Tag(name = "Attempt logs", description = "Every delivery attempt of a webhook, redelivery and the test event.")
@Path("/api/v1/webhooks/{id}")
@RequiresPlan
public class AttemptLogResource {

    private static final String WEBHOOK = "Webhook";
    private static final int MAX_TEST_BODY = 65536;

    public record Redelivery(UUID deliveryId) {
    }

    @Inject
    AttemptLogService logs;

    @Inject
    ManualDeliveries manual;

    @Inject
    CurrentTenant tenant;

    @Inject
    ObjectMapper mapper;

    @RolesAllowed(Scopes.VIEW_ANY_WEBHOOK_LOG)
    @GET
    @Path("logs")
    @Operation(summary = "List a webhook's attempts, newest first (filter by event, outcome, time range, event id, "
            + "PERSCOM request id or trace id)")
    public Uni<PageResponse<AttemptLogView>> list(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("limit") String limit, @QueryParam("event") String event,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("event_id") String eventId,
            @Parameter(description = "Attempts of events with this request_id (as in the payload; at most 128 "
                    + "characters)") @QueryParam("request_id") String requestId,
            @Parameter(description = "Attempts of events with this trace_id (as in the payload; at most 128 "
                    + "characters)") @QueryParam("trace_id") String traceId) {
        UUID webhookId = QueryParams.pathId(id, WEBHOOK);
        Validation validation = new Validation();
        PageRequest pageRequest = PageRequest.parse(page, limit, validation);
        AttemptLogFilter filter = AttemptLogFilter.parse(event, outcome, from, to, eventId,
                new AttemptLogFilter.EventIds(requestId, traceId), validation);
        validation.throwIfInvalid();
        return logs.list(tenant.id(), webhookId, filter, pageRequest);
    }

    @RolesAllowed(Scopes.VIEW_WEBHOOK_LOG)
    @GET
    @Path("logs/{logId}")
    @Operation(summary = "Read one attempt with the payload that was sent")
    public Uni<AttemptLogView> get(@PathParam("id") String id, @PathParam("logId") String logId) {
        return logs.get(tenant.id(), QueryParams.pathId(id, WEBHOOK), QueryParams.pathId(logId, "Log"));
    }

    @RolesAllowed(Scopes.UPDATE_WEBHOOK)
    @POST
    @Path("logs/{logId}/redeliver")
    @Operation(summary = "Queue a new delivery of the same message (same webhook-id and body)")
    public Uni<Response> redeliver(@PathParam("id") String id, @PathParam("logId") String logId) {
        return manual.redeliver(tenant.id(), QueryParams.pathId(id, WEBHOOK), QueryParams.pathId(logId, "Log"))
                .map(deliveryId -> Response.accepted(new Redelivery(deliveryId)).build());
    }

    /** Sends {@code webhook.test} with the JSON object given (default {@code {"status":"ok"}}) and waits for it. */
    @RolesAllowed(Scopes.UPDATE_WEBHOOK)
    @POST
    @Path("test")
    @Operation(summary = "Send webhook.test with the JSON object given (default {\"status\":\"ok\"}) and answer with the attempt")
    public Uni<AttemptLogView> test(@PathParam("id") String id, byte[] body) throws java.io.IOException {
        UUID webhookId = QueryParams.pathId(id, WEBHOOK);
        if (body != null && body.length > MAX_TEST_BODY) {
            throw ApiException.invalid("body", "must be at most " + MAX_TEST_BODY + " bytes");
        }
        JsonNode data = body == null || body.length == 0 ? mapper.createObjectNode().put("status", "ok")
                : mapper.readTree(body);
        if (data == null || !data.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        String tenantId = tenant.id();
        return manual.sendTest(tenantId, webhookId, data)
                .flatMap(record -> logs.get(tenantId, webhookId, record.id()));
    }
}

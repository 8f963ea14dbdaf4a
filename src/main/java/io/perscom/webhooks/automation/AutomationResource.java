package io.perscom.webhooks.automation;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.api.QueryParams;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.persistence.StoredNames;
import io.perscom.webhooks.security.Scopes;
import io.perscom.webhooks.tenancy.plan.RequiresPlan;
import io.perscom.webhooks.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;

/** Admin API: automations, their logs, and previews that send nothing. */
@Tag(name = "Automations", description = "Conditions and custom payload templates that fire on events.")
@Path("/api/v1/automations")
@RequiresPlan
public class AutomationResource {

    private static final String AUTOMATION = "Automation";

    @Inject
    AutomationService service;

    @Inject
    AutomationLogService logs;

    @Inject
    AutomationEvaluator evaluator;

    @Inject
    AutomationInputValidator validator;

    @Inject
    CurrentTenant tenant;

    @RolesAllowed(Scopes.VIEW_ANY_AUTOMATION)
    @GET
    @Operation(summary = "List the tenant's automations in run order (priority, lowest first); filter by trigger")
    public Uni<PageResponse<AutomationView>> list(@QueryParam("page") String page, @QueryParam("limit") String limit,
            @QueryParam("trigger") String trigger) {
        Validation validation = new Validation();
        PageRequest pageRequest = PageRequest.parse(page, limit, validation);
        if (trigger != null && !EventCatalog.exists(trigger)) {
            validation.reject("trigger", "is not a known event type");
        }
        validation.throwIfInvalid();
        return service.list(tenant.id(), trigger, pageRequest);
    }

    @RolesAllowed(Scopes.CREATE_AUTOMATION)
    @POST
    @Operation(summary = "Create an automation (condition and template are checked; errors give line and message)")
    public Uni<Response> create(AutomationInput input) {
        return service.create(tenant.id(), input).map(created -> Response
                .created(URI.create("/api/v1/automations/" + created.id())).entity(created).build());
    }

    @RolesAllowed(Scopes.VIEW_AUTOMATION)
    @GET
    @Path("{id}")
    @Operation(summary = "Read an automation")
    public Uni<AutomationView> get(@PathParam("id") String id) {
        return service.get(tenant.id(), QueryParams.pathId(id, AUTOMATION));
    }

    @RolesAllowed(Scopes.UPDATE_AUTOMATION)
    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an automation")
    public Uni<AutomationView> replace(@PathParam("id") String id, AutomationInput input) {
        return service.replace(tenant.id(), QueryParams.pathId(id, AUTOMATION), input);
    }

    @RolesAllowed(Scopes.UPDATE_AUTOMATION)
    @PATCH
    @Path("{id}")
    @Operation(summary = "Change some fields of an automation")
    public Uni<AutomationView> patch(@PathParam("id") String id, AutomationInput input) {
        return service.patch(tenant.id(), QueryParams.pathId(id, AUTOMATION), input);
    }

    @RolesAllowed(Scopes.DELETE_AUTOMATION)
    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an automation and its logs")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(tenant.id(), QueryParams.pathId(id, AUTOMATION))
                .replaceWith(Response.noContent().build());
    }

    @RolesAllowed(Scopes.VIEW_ANY_AUTOMATION_LOG)
    @GET
    @Path("{id}/logs")
    @Operation(summary = "List an automation's runs, newest first (filter by status)")
    public Uni<PageResponse<AutomationLogView>> logs(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("limit") String limit, @QueryParam("status") String status) {
        Validation validation = new Validation();
        PageRequest pageRequest = PageRequest.parse(page, limit, validation);
        if (status != null && StoredNames.parse(AutomationStatus.class, status).isEmpty()) {
            validation.reject("status", "must be one of " + StoredNames.list(AutomationStatus.class));
        }
        validation.throwIfInvalid();
        return logs.list(tenant.id(), QueryParams.pathId(id, AUTOMATION), status, pageRequest);
    }

    @RolesAllowed(Scopes.VIEW_AUTOMATION)
    @POST
    @Path("{id}/preview")
    @Operation(summary = "Run a saved automation on a sample event: condition result and payload, nothing sent")
    public Uni<PreviewResult> preview(@PathParam("id") String id, PreviewRequest request) {
        PreviewRequest sample = requireSample(request);
        return service.load(tenant.id(), QueryParams.pathId(id, AUTOMATION))
                .flatMap(automation -> preview(automation.trigger, automation.condition,
                        service.template(automation), RenderMode.of(automation.renderMode), sample));
    }

    @RolesAllowed({ Scopes.CREATE_AUTOMATION, Scopes.UPDATE_AUTOMATION })
    @POST
    @Path("preview")
    @Operation(summary = "Run an unsaved automation (trigger, condition, template) on a sample event")
    public Uni<PreviewResult> previewUnsaved(PreviewRequest request) {
        PreviewRequest sample = requireSample(request);
        AutomationInput automation = sample.automation();
        if (automation == null) {
            throw ApiException.invalid("automation", "is required");
        }
        validator.checkExpressions(automation);
        RenderMode mode = automation.renderMode() == null ? RenderMode.PERSCOM : RenderMode.of(automation.renderMode());
        return preview(automation.trigger(), automation.condition(), automation.webhookPayloadTemplate(), mode,
                sample);
    }

    private Uni<PreviewResult> preview(String trigger, String condition, JsonNode template, RenderMode mode,
            PreviewRequest sample) {
        JsonNode context = AutomationContext.of(trigger, sample.data(), sample.changes(), sample.causer(),
                Instant.now());
        return evaluator.evaluateOffLoop(condition, template, mode, context).map(evaluation -> new PreviewResult(
                evaluation.status().column(), evaluation.conditionResult(),
                evaluation.status() == AutomationStatus.EXECUTED && evaluation.data() == null ? sample.data()
                        : evaluation.data(),
                evaluation.error(), evaluation.errorKind(), context, evaluation.elapsedMs()));
    }

    private static PreviewRequest requireSample(PreviewRequest request) {
        if (request == null || request.data() == null || !request.data().isObject()) {
            throw ApiException.invalid("data", "is required and must be a JSON object (the sample record)");
        }
        return request;
    }
}

package io.perscom.webhooks.webhook;

import java.net.URI;

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

import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.api.QueryParams;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.security.Scopes;
import io.perscom.webhooks.tenancy.plan.RequiresPlan;
import io.perscom.webhooks.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;

/** Admin API: a tenant's webhooks. */
@Tag(name = "Webhooks", description = "A tenant's webhook endpoints and their subscriptions.")
@Path("/api/v1/webhooks")
@RequiresPlan
public class WebhookResource {

    private static final String WEBHOOK = "Webhook";

    @Inject
    WebhookService service;

    @Inject
    CurrentTenant tenant;

    @RolesAllowed(Scopes.VIEW_ANY_WEBHOOK)
    @GET
    @Operation(summary = "List the tenant's webhooks (paginated; filter by event and enabled)")
    public Uni<PageResponse<WebhookView>> list(@QueryParam("page") String page, @QueryParam("limit") String limit,
            @QueryParam("event") String event, @QueryParam("enabled") String enabled) {
        Validation validation = new Validation();
        PageRequest pageRequest = PageRequest.parse(page, limit, validation);
        if (event != null && !EventCatalog.exists(event)) {
            validation.reject("event", "is not a known event type");
        }
        Boolean enabledFilter = QueryParams.parseBoolean("enabled", enabled, validation);
        validation.throwIfInvalid();
        return service.list(tenant.id(), new WebhookRepository.ListFilter(event, enabledFilter), pageRequest);
    }

    @RolesAllowed(Scopes.CREATE_WEBHOOK)
    @POST
    @Operation(summary = "Create a webhook; the response is the only one besides GET .../secret that shows the secret")
    public Uni<Response> create(WebhookInput input) {
        return service.create(tenant.id(), input).map(created -> Response
                .created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build());
    }

    @RolesAllowed(Scopes.VIEW_WEBHOOK)
    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook (without its secret)")
    public Uni<WebhookView> get(@PathParam("id") String id) {
        return service.get(tenant.id(), QueryParams.pathId(id, WEBHOOK));
    }

    @RolesAllowed(Scopes.UPDATE_WEBHOOK)
    @GET
    @Path("{id}/secret")
    @Operation(summary = "Read a webhook's signing secret")
    public Uni<SecretView> secret(@PathParam("id") String id) {
        return service.secret(tenant.id(), QueryParams.pathId(id, WEBHOOK));
    }

    @RolesAllowed(Scopes.UPDATE_WEBHOOK)
    @POST
    @Path("{id}/secret/rotate")
    @Operation(summary = "Rotate the signing secret; the previous one keeps signing for overlap_seconds (default 24 h)")
    public Uni<SecretRotation> rotateSecret(@PathParam("id") String id, RotateSecretInput input) {
        return service.rotateSecret(tenant.id(), QueryParams.pathId(id, WEBHOOK), input);
    }

    @RolesAllowed(Scopes.UPDATE_WEBHOOK)
    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a webhook (absent fields take their defaults; the secret is kept unless given)")
    public Uni<WebhookView> replace(@PathParam("id") String id, WebhookInput input) {
        return service.replace(tenant.id(), QueryParams.pathId(id, WEBHOOK), input);
    }

    @RolesAllowed(Scopes.UPDATE_WEBHOOK)
    @PATCH
    @Path("{id}")
    @Operation(summary = "Change some fields of a webhook")
    public Uni<WebhookView> patch(@PathParam("id") String id, WebhookInput input) {
        return service.patch(tenant.id(), QueryParams.pathId(id, WEBHOOK), input);
    }

    @RolesAllowed(Scopes.DELETE_WEBHOOK)
    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook with its pending deliveries and logs")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(tenant.id(), QueryParams.pathId(id, WEBHOOK)).replaceWith(Response.noContent().build());
    }
}

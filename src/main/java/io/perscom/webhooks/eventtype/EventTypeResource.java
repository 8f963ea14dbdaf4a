package io.perscom.webhooks.eventtype;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.perscom.webhooks.security.Scopes;
import io.perscom.webhooks.tenancy.plan.RequiresPlan;

@Tag(name = "Event types", description = "The events a webhook can subscribe to.")
@Path("/api/v1/event-types")
@RequiresPlan
@RolesAllowed({ Scopes.VIEW_ANY_WEBHOOK, Scopes.VIEW_ANY_AUTOMATION })
public class EventTypeResource {

    public record EventTypeList(List<EventType> data) {
    }

    @GET
    @Operation(summary = "List the 33 PERSCOM event types and webhook.test")
    public EventTypeList list() {
        return new EventTypeList(EventCatalog.all());
    }
}

package io.perscom.webhooks.eventtype;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.perscom.webhooks.security.Scopes;

@Tag(name = "Event types", description = "The events a webhook can subscribe to.")
@Path("/api/v1/event-types")
@RolesAllowed(Scopes.MANAGE_WEBHOOK)
public class EventTypeResource {

    public record EventTypeList(List<EventType> data) {
    }

    @GET
    @Operation(summary = "List the 33 PERSCOM event types and webhook.test")
    public EventTypeList list() {
        return new EventTypeList(EventCatalog.all());
    }
}

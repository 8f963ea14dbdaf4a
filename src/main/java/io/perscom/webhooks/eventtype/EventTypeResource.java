package io.perscom.webhooks.eventtype;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.perscom.webhooks.security.Scopes;

@Path("/api/v1/event-types")
@RolesAllowed(Scopes.MANAGE_WEBHOOK)
public class EventTypeResource {

    public record EventTypeList(List<EventType> data) {
    }

    @GET
    public EventTypeList list() {
        return new EventTypeList(EventCatalog.all());
    }
}

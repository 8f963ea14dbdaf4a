package io.perscom.webhooks.ingest;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.Problem;
import io.perscom.webhooks.security.Scopes;
import io.smallrye.mutiny.Uni;

/** Internal API PERSCOM posts its events to (service account with {@code publish:event}). */
@Tag(name = "Ingest (internal)", description = "Used by PERSCOM's service account to publish events.")
@Path("/internal/v1/events")
@RolesAllowed(Scopes.PUBLISH_EVENT)
public class IngestResource {

    private static final TypeReference<List<IngestEvent>> BATCH = new TypeReference<>() {
    };

    public record BatchResult(List<IngestResult> data) {
    }

    @Inject
    IngestService service;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    @POST
    @Operation(summary = "Accept one event; 202 once it and its deliveries are committed (idempotent on id)")
    public Uni<Response> ingest(byte[] body) throws IOException {
        checkSize(body, config.maxBodyBytes());
        IngestEvent event = mapper.readValue(body, IngestEvent.class);
        return service.accept(event).map(result -> Response.accepted(result).build());
    }

    @POST
    @Path("batch")
    @Operation(summary = "Accept up to the configured number of events, all or none")
    public Uni<Response> ingestBatch(byte[] body) throws IOException {
        checkSize(body, config.maxBatchBodyBytes());
        List<IngestEvent> events = mapper.readValue(body, BATCH);
        if (events == null || events.isEmpty() || events.size() > config.maxBatchSize()) {
            throw ApiException.invalid("body", "must be an array of 1 to " + config.maxBatchSize() + " events");
        }
        return service.acceptBatch(events).map(results -> Response.accepted(new BatchResult(results)).build());
    }

    private static void checkSize(byte[] body, int max) {
        if (body == null || body.length == 0) {
            throw new ApiException(Problem.of(400, "malformed-body", "Malformed request body",
                    "The request body is empty."));
        }
        if (body.length > max) {
            throw new ApiException(Problem.of(413, "body-too-large", "Request body too large",
                    "The body has " + body.length + " bytes; at most " + max + " are accepted."));
        }
    }
}

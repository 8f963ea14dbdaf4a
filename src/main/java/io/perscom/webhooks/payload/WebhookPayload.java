package io.perscom.webhooks.payload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body PERSCOM receivers parse: {@code event, created, request_id, trace_id, data, changes}, in that order. */
public final class WebhookPayload {

    private static final DateTimeFormatter CREATED = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private WebhookPayload() {
    }

    public static ObjectNode build(String event, Instant created, String requestId, String traceId, JsonNode data,
            JsonNode changes) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("event", event);
        payload.put("created", CREATED.format(created));
        payload.put("request_id", requestId);
        payload.put("trace_id", traceId);
        payload.set("data", data == null ? JsonNodeFactory.instance.nullNode() : data);
        payload.set("changes", changes == null ? JsonNodeFactory.instance.nullNode() : changes);
        return payload;
    }

    /** The exact body bytes (as text) that are sent and signed. */
    public static String render(ObjectNode payload) {
        return PhpJson.write(payload);
    }
}

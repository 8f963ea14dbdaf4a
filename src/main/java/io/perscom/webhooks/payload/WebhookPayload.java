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

    /**
     * An event's envelope carrying other data, as PERSCOM dispatches an automation's rendered template: same event,
     * created, request_id and trace_id; {@code data} replaced; {@code changes} null (data that is not a model).
     */
    public static ObjectNode withData(JsonNode envelope, JsonNode data) {
        ObjectNode payload = envelope.deepCopy();
        payload.set("data", data);
        payload.putNull("changes");
        return payload;
    }

    /** The exact body bytes (as text) that are sent and signed. */
    public static String render(ObjectNode payload) {
        return PhpJson.write(payload);
    }
}

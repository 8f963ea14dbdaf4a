package io.perscom.webhooks.automation;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perscom.webhooks.payload.ChangeSet;

/**
 * What conditions and templates see, as PERSCOM defines it: {@code model} (the record), {@code model_type},
 * {@code model_id}, {@code changes} ({@code {attr: {old, new}}}), {@code causer}, {@code causer_id}, {@code now}.
 */
public final class AutomationContext {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private AutomationContext() {
    }

    public static ObjectNode of(String eventType, JsonNode data, JsonNode changes, JsonNode causer, Instant now) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode context = json.objectNode();
        context.set("model", data == null ? json.objectNode() : data);
        context.put("model_type", eventType.substring(0, eventType.indexOf('.')));
        context.set("model_id", data != null && data.has("id") ? data.get("id") : json.nullNode());
        context.set("changes", ChangeSet.detailedForm(changes));
        boolean hasCauser = causer != null && causer.isObject();
        context.set("causer", hasCauser ? causer : json.nullNode());
        context.set("causer_id", hasCauser && causer.has("id") ? causer.get("id") : json.nullNode());
        context.put("now", now.toString());
        return context;
    }

    /** The context as plain maps, lists and values for the expression engine. */
    public static Map<String, Object> variables(ObjectMapper mapper, JsonNode context) {
        return mapper.convertValue(context, MAP);
    }
}

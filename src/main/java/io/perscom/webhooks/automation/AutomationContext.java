package io.perscom.webhooks.automation;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.payload.ChangeSet;

/**
 * What conditions and templates see, as PERSCOM's AutomationContextData defines it: {@code model} (the record),
 * {@code model_type} (the model's PHP class, e.g. {@code App\Models\User}), {@code model_id}, {@code changes}
 * ({@code {attr: {old, new}}}, null when nothing changed), {@code causer}, {@code causer_id} and {@code now}. Stored
 * as JSON with the automation job ({@code now} as an ISO-8601 instant); {@link AutomationVariables} turns it into the
 * engines' PHP values.
 */
public final class AutomationContext {

    private AutomationContext() {
    }

    public static ObjectNode of(String eventType, JsonNode data, JsonNode changes, JsonNode causer, Instant now) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode context = json.objectNode();
        context.set("model", data == null ? json.objectNode() : data);
        context.put("model_type", EventCatalog.modelClass(eventType));
        context.set("model_id", data != null && data.has("id") ? data.get("id") : json.nullNode());
        context.set("changes", ChangeSet.detailedForm(changes));
        boolean hasCauser = causer != null && causer.isObject();
        context.set("causer", hasCauser ? causer : json.nullNode());
        context.set("causer_id", hasCauser && causer.has("id") ? causer.get("id") : json.nullNode());
        context.put("now", now.toString());
        return context;
    }
}

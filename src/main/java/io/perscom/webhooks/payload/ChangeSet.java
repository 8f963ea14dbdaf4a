package io.perscom.webhooks.payload;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event's {@code changes} in both forms. PERSCOM's webhook payload carries {@code {attr: newValue}}; automation
 * conditions see {@code {attr: {old, new}}}. Ingest accepts either: a changes object whose every value is an object
 * with only {@code old}/{@code new} keys is the detailed form, anything else the flat one. "Nothing changed" arrives
 * as {@code []} (PHP's empty {@code getChanges()} of a created or deleted model), {@code {}} or null.
 */
public final class ChangeSet {

    private static final Set<String> SIDES = Set.of("old", "new");

    private ChangeSet() {
    }

    public static boolean isDetailed(JsonNode changes) {
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            return false;
        }
        for (JsonNode value : changes) {
            if (!value.isObject() || value.isEmpty()) {
                return false;
            }
            Iterator<String> names = value.fieldNames();
            while (names.hasNext()) {
                if (!SIDES.contains(names.next())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code changes} is PERSCOM's "nothing changed": {@code []} or {@code {}}. */
    public static boolean isEmpty(JsonNode changes) {
        return changes != null && (changes.isArray() || changes.isObject()) && changes.isEmpty();
    }

    /**
     * What the webhook payload carries: {@code {attr: new}}; null stays null, and an empty change set is {@code []},
     * since PHP's {@code json_encode} writes every empty array that way.
     */
    public static JsonNode payloadForm(JsonNode changes) {
        if (isEmpty(changes)) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!isDetailed(changes)) {
            return changes;
        }
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            JsonNode newValue = change.getValue().get("new");
            flat.set(change.getKey(), newValue == null ? JsonNodeFactory.instance.nullNode() : newValue);
        }
        return flat;
    }

    /**
     * What automations see: {@code {attr: {old, new}}} ({@code old} unknown, null, for flat changes), or null when
     * nothing changed, as in PERSCOM's automation context.
     */
    public static JsonNode detailedForm(JsonNode changes) {
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (isDetailed(changes)) {
            return changes.deepCopy();
        }
        ObjectNode detailed = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            ObjectNode sides = detailed.putObject(change.getKey());
            sides.putNull("old");
            sides.set("new", change.getValue());
        }
        return detailed;
    }
}

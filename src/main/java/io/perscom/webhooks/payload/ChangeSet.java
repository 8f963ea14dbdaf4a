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
 * with only {@code old}/{@code new} keys is the detailed form, anything else the flat one.
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

    /** What the webhook payload carries: {@code {attr: new}} (null stays null). */
    public static JsonNode payloadForm(JsonNode changes) {
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

    /** What automations see: {@code {attr: {old, new}}} ({@code old} unknown, null, for flat changes). */
    public static ObjectNode detailedForm(JsonNode changes) {
        ObjectNode detailed = JsonNodeFactory.instance.objectNode();
        if (changes == null || !changes.isObject()) {
            return detailed;
        }
        if (isDetailed(changes)) {
            return changes.deepCopy();
        }
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            ObjectNode sides = detailed.putObject(change.getKey());
            sides.putNull("old");
            sides.set("new", change.getValue());
        }
        return detailed;
    }
}

package io.perscom.webhooks.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** Reads JSON kept in a text column for a log view. */
public final class StoredJson {

    private StoredJson() {
    }

    /**
     * The stored JSON, or the stored text itself when it is not JSON: poison work (an event payload or job context
     * that could not be read) is shown as it was kept, never turned into a failed request.
     */
    public static JsonNode readOrText(ObjectMapper mapper, String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }
}

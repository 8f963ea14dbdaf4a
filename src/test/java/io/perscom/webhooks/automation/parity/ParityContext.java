package io.perscom.webhooks.automation.parity;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.PhpDate;

/**
 * A case's automation context, built the way tools/parity/oracle.php builds it for PHP: parity/context.json with the
 * case's top-level overrides, records as json_decode(..., true) gives them, {@code now} an instant in UTC (like
 * Date::now(), not parsed from text: date parsing is under test in the template cases).
 */
final class ParityContext {

    private static final JsonNode BASE = ParityFiles.read("context.json");

    private ParityContext() {
    }

    static Map<String, Object> of(JsonNode overrides) {
        ObjectNode merged = BASE.deepCopy();
        if (overrides != null) {
            overrides.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = merged.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            context.put(field.getKey(), "now".equals(field.getKey()) && field.getValue().isTextual()
                    ? PhpDate.of(Instant.parse(field.getValue().asText()), PhpDate.zoneId("UTC"))
                    : Json.fromJson(field.getValue()));
        }
        return context;
    }
}

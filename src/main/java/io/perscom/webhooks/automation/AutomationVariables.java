package io.perscom.webhooks.automation;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.automation.expression.PerscomFunctions;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.PhpDate;

/** An {@link AutomationContext} as the PHP values both engines evaluate: arrays as PHP decodes them, now a date. */
public final class AutomationVariables {

    /** The names a condition may use (Symfony checks them when it parses). */
    public static final List<String> NAMES = PerscomFunctions.VARIABLES;

    /** Carbon's UTC (PERSCOM's app timezone), printed as {@code UTC}, not as the offset {@code +00:00}. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private AutomationVariables() {
    }

    public static Map<String, Object> of(JsonNode context) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : NAMES) {
            JsonNode value = context.get(name);
            variables.put(name, value == null ? null : Json.fromJson(value));
        }
        JsonNode now = context.get("now");
        variables.put("now", now == null || !now.isTextual() ? null : PhpDate.parse(now.textValue(), UTC));
        return variables;
    }
}

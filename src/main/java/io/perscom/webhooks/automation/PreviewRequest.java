package io.perscom.webhooks.automation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A sample event for a preview. For an unsaved automation, {@code automation} carries its trigger, condition and
 * template; for a saved one it is absent.
 */
public record PreviewRequest(AutomationInput automation, JsonNode data, JsonNode changes, JsonNode causer) {
}

package io.perscom.webhooks.automation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an automation would do with a sample event; nothing is sent. {@code payload} is what would go out as the
 * event's {@code data} (the rendered template, or the sample record when the template is blank).
 */
public record PreviewResult(String status, Boolean conditionResult, JsonNode payload, String error, String errorKind,
        JsonNode context, long executionMs) {
}

package io.perscom.webhooks.automation;

import com.fasterxml.jackson.databind.JsonNode;

/** What an automation would do with a sample event; nothing is sent. */
public record PreviewResult(String status, Boolean conditionResult, JsonNode payload, String error, JsonNode context,
        long executionMs) {
}

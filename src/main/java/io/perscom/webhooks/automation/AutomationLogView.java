package io.perscom.webhooks.automation;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** One run of an automation against one event. */
public record AutomationLogView(UUID id, UUID automationId, UUID eventId, String status, String condition,
        Boolean conditionResult, JsonNode context, JsonNode renderedPayload, String error, String errorKind,
        int executionMs,
        UUID deliveryId, Instant createdAt) {
}

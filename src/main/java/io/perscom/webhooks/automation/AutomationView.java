package io.perscom.webhooks.automation;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** An automation as the admin API shows it. */
public record AutomationView(UUID id, String name, String description, String trigger, String condition,
        UUID webhookId, JsonNode webhookPayloadTemplate, String renderMode, boolean enabled, int priority,
        Instant createdAt,
        Instant updatedAt) {
}

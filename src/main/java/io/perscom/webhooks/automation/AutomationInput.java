package io.perscom.webhooks.automation;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of create, replace and PATCH; absent fields are null (left unchanged by PATCH). */
public record AutomationInput(String name, String description, String trigger, String condition, UUID webhookId,
        JsonNode webhookPayloadTemplate, String renderMode, Boolean enabled, Integer priority) {
}

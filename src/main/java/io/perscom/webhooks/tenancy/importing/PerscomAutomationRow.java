package io.perscom.webhooks.tenancy.importing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A row of PERSCOM's {@code automations} table. {@code webhook_payload_template} is an object or its JSON text;
 * {@code enabled} a boolean or MySQL's 0/1. The columns of the other action types (messages, model updates) are
 * accepted so whole rows can be posted; those automations are refused.
 */
@JsonIgnoreProperties({ "message_channels", "message_content", "message_recipients_expression",
        "model_update_target", "model_update_lookup_type", "model_update_lookup_expression",
        "model_update_lookup_conditions", "model_update_fields", "created_at", "updated_at" })
public record PerscomAutomationRow(Long id, String name, String description, String trigger, String condition,
        String actionType, Long webhookId, JsonNode webhookPayloadTemplate, Integer priority, JsonNode enabled) {
}

package io.perscom.webhooks.automation;

import java.util.UUID;

/** An accepted event whose tenant has automations for its type: what the runner needs to run them. */
public record AutomationWork(UUID eventId, String tenantId, String eventType, String context) {
}

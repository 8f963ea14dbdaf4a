package io.perscom.webhooks.delivery.queue;

import java.util.UUID;

/**
 * An accepted event to fan out: its rendered payload, the ids PERSCOM gave it, and the automation context when its
 * automations may run (null when the event was caused by an automation).
 */
public record NewEvent(UUID id, String tenantId, String type, String payload, String traceId, String requestId,
        String automationContext) {
}

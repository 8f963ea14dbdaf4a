package io.perscom.webhooks.delivery.queue;

import java.util.UUID;

/**
 * An accepted event whose tenant has automations for its type: what running them needs. {@code attempts} counts the
 * times the job was claimed from the queue (0 for one leased at ingest).
 */
public record AutomationJob(UUID eventId, String tenantId, String eventType, String context, int attempts) {
}

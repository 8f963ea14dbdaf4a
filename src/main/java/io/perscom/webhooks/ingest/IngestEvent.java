package io.perscom.webhooks.ingest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as PERSCOM posts it. {@code id} makes ingest idempotent (generated when absent). {@code changes} may be
 * {@code {attr: new}} or {@code {attr: {old, new}}} (see ChangeSet); with {@code causer} it feeds automations.
 * {@code caused_by_automation} (the {@code X-Perscom-Automation-Id} of the request that led to this change) keeps
 * the event from running automations again, so automations cannot loop.
 */
public record IngestEvent(UUID id, String tenantId, String event, JsonNode data, JsonNode changes, JsonNode causer,
        String requestId, String traceId, Instant occurredAt, UUID causedByAutomation) {
}

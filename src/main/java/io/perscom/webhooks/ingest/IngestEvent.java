package io.perscom.webhooks.ingest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as PERSCOM posts it. {@code id} makes ingest idempotent (generated when absent); {@code changes} and
 * {@code causer} are passed through to the payload and to automations.
 */
public record IngestEvent(UUID id, String tenantId, String event, JsonNode data, JsonNode changes, JsonNode causer,
        String requestId, String traceId, Instant occurredAt) {
}

package io.perscom.webhooks.attemptlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attempt as admins see it. {@code outcome} is this attempt's ({@code succeeded}, {@code retrying},
 * {@code failed}, {@code deferred}); {@code delivery_status} is where the whole delivery stands now. {@code payload}
 * (the JSON sent) is present on the single-log endpoint only. {@code redirects}, present when the attempt followed
 * redirects, lists each request ({@code method}, {@code url}, {@code status}); the response fields are the last one's.
 * {@code response_body} holds at most the configured number of bytes: {@code response_body_truncated} says it was
 * cut, {@code response_body_bytes} how many bytes arrived before reading stopped (the declared length, if any, is
 * among the response headers).
 */
public record AttemptLogView(UUID id, UUID deliveryId, UUID webhookId, UUID eventId, String eventType, int attempt,
        String method, String url, @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> redirects,
        Map<String, Object> requestHeaders, Integer responseStatus,
        String responseReason, Map<String, Object> responseHeaders, String responseBody,
        boolean responseBodyTruncated, Long responseBodyBytes, int durationMs,
        String errorKind, String errorMessage, String outcome, Instant nextAttemptAt, Instant createdAt,
        String deliveryStatus, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode payload) {
}

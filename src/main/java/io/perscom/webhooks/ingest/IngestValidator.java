package io.perscom.webhooks.ingest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.payload.ChangeSet;
import io.perscom.webhooks.tenancy.TenantIds;

/** Checks one ingested event; field names are prefixed (e.g. {@code [3].event}) inside a batch. */
public final class IngestValidator {

    /** Longest request_id and trace_id accepted (and stored). */
    public static final int MAX_ID_TEXT = 128;
    private static final Instant FIRST_FOUR_DIGIT_YEAR = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant FIRST_FIVE_DIGIT_YEAR = Instant.parse("+10000-01-01T00:00:00Z");

    private IngestValidator() {
    }

    /** PHP (Carbon) and receivers parse four-digit years only; the payload's {@code created} must stay readable. */
    private static boolean hasFourDigitYear(Instant time) {
        return !time.isBefore(FIRST_FOUR_DIGIT_YEAR) && time.isBefore(FIRST_FIVE_DIGIT_YEAR);
    }

    static void check(IngestEvent event, String prefix, Validation validation) {
        if (event == null) {
            validation.reject(prefix.isEmpty() ? "body" : prefix, "must be an event object");
            return;
        }
        if (event.tenantId() == null) {
            validation.reject(prefix + "tenant_id", "is required");
        } else if (!TenantIds.isValid(event.tenantId())) {
            validation.reject(prefix + "tenant_id", "must be 1-64 letters, digits or _ . : -");
        }
        if (event.event() == null) {
            validation.reject(prefix + "event", "is required");
        } else if (EventCatalog.TEST_EVENT.equals(event.event())) {
            validation.reject(prefix + "event", "webhook.test is sent from the admin API, not ingested");
        } else if (!EventCatalog.exists(event.event())) {
            validation.reject(prefix + "event", "is not a known event type");
        }
        if (event.data() == null || !event.data().isObject()) {
            validation.reject(prefix + "data", "is required and must be a JSON object");
        }
        JsonNode changes = event.changes();
        if (changes != null && !changes.isNull() && !changes.isObject() && !ChangeSet.isEmpty(changes)) {
            validation.reject(prefix + "changes", "must be a JSON object, an empty array or null");
        }
        if (event.causer() != null && !event.causer().isNull() && !event.causer().isObject()) {
            validation.reject(prefix + "causer", "must be a JSON object or null");
        }
        if (event.occurredAt() != null && !hasFourDigitYear(event.occurredAt())) {
            validation.reject(prefix + "occurred_at", "must be a time in the years 0001 to 9999");
        }
        validation.maxLength(prefix + "request_id", event.requestId(), MAX_ID_TEXT);
        validation.maxLength(prefix + "trace_id", event.traceId(), MAX_ID_TEXT);
    }
}

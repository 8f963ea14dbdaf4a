package io.perscom.webhooks.attemptlog;

import java.time.Instant;
import java.util.UUID;

import io.perscom.webhooks.api.QueryParams;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.delivery.record.AttemptOutcome;
import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.ingest.IngestValidator;
import io.perscom.webhooks.persistence.StoredNames;

/**
 * Filters of the attempt-log list; null fields do not filter. {@code requestId} and {@code traceId} are the ids PERSCOM
 * gave the event (the payload's {@code request_id} and {@code trace_id}).
 */
public record AttemptLogFilter(String eventType, String outcome, Instant from, Instant to, UUID eventId,
        String requestId, String traceId) {

    /** The ids PERSCOM gave the event, as query parameters. */
    record EventIds(String requestId, String traceId) {
    }

    static AttemptLogFilter parse(String event, String outcome, String from, String to, String eventId,
            EventIds ids, Validation validation) {
        if (event != null && !EventCatalog.exists(event)) {
            validation.reject("event", "is not a known event type");
        }
        if (outcome != null && StoredNames.parse(AttemptOutcome.class, outcome).isEmpty()) {
            validation.reject("outcome", "must be one of " + StoredNames.list(AttemptOutcome.class));
        }
        UUID eventUuid = null;
        if (eventId != null) {
            try {
                eventUuid = UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                validation.reject("event_id", "must be a UUID");
            }
        }
        return new AttemptLogFilter(event, outcome, QueryParams.parseInstant("from", from, validation),
                QueryParams.parseInstant("to", to, validation), eventUuid, eventIdText("request_id", ids.requestId(),
                        validation), eventIdText("trace_id", ids.traceId(), validation));
    }

    private static String eventIdText(String field, String value, Validation validation) {
        validation.maxLength(field, value, IngestValidator.MAX_ID_TEXT);
        return value;
    }
}

package io.perscom.webhooks.attemptlog;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.perscom.webhooks.api.QueryParams;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.eventtype.EventCatalog;

/** Filters of the attempt-log list; null fields do not filter. */
public record AttemptLogFilter(String eventType, String outcome, Instant from, Instant to, UUID eventId) {

    static final Set<String> OUTCOMES = Set.of("succeeded", "retrying", "failed", "deferred");

    static AttemptLogFilter parse(String event, String outcome, String from, String to, String eventId,
            Validation validation) {
        if (event != null && !EventCatalog.exists(event)) {
            validation.reject("event", "is not a known event type");
        }
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            validation.reject("outcome", "must be one of succeeded, retrying, failed, deferred");
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
                QueryParams.parseInstant("to", to, validation), eventUuid);
    }
}

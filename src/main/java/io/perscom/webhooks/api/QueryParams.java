package io.perscom.webhooks.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Parses query and path parameters by hand, so that a malformed value becomes a field error instead of the bare
 * 404 that Jakarta REST gives for a failed parameter conversion.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Integer parseInt(String name, String raw, int defaultValue, int min, int max, Validation validation) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                validation.reject(name, "must be between " + min + " and " + max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            validation.reject(name, "must be an integer");
            return null;
        }
    }

    public static Boolean parseBoolean(String name, String raw, Validation validation) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> {
                validation.reject(name, "must be true or false");
                yield null;
            }
        };
    }

    public static Instant parseInstant(String name, String raw, Validation validation) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            validation.reject(name, "must be an ISO-8601 UTC timestamp such as 2026-01-14T12:00:00Z");
            return null;
        }
    }

    /** An id in a path: anything that is not a UUID cannot name an existing resource, so it is a 404. */
    public static UUID pathId(String raw, String what) {
        try {
            if (raw != null && raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ApiException.notFound(what);
    }
}

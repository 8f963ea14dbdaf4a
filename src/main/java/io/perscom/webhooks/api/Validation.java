package io.perscom.webhooks.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of one request, so the client sees all of them at once. */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Checks an optional text field's length and characters (no control characters but tab and newlines). */
    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "must be at most " + max + " characters");
        } else if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            reject(field, "must not contain control characters");
        }
        return this;
    }

    public void throwIfInvalid() {
        if (hasErrors()) {
            throw ApiException.invalid(errors);
        }
    }
}

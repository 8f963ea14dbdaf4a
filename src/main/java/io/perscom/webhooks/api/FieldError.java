package io.perscom.webhooks.api;

/** One invalid input field: where it is (JSON path, query or path parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}

package io.perscom.webhooks.api;

/**
 * A validated page request: {@code page} is 1-based and at most {@link #MAX_PAGE} (so the offset stays far inside
 * the range of an int), {@code limit} at most {@link #MAX_LIMIT}.
 */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PAGE = 1_000_000;

    /** Parses the raw query parameters, adding a field error for each bad one. */
    public static PageRequest parse(String page, String limit, Validation validation) {
        Integer p = QueryParams.parseInt("page", page, 1, 1, MAX_PAGE, validation);
        Integer l = QueryParams.parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, validation);
        return new PageRequest(p == null ? 1 : p, l == null ? DEFAULT_LIMIT : l);
    }

    public int offset() {
        return (page - 1) * limit;
    }
}

package io.perscom.webhooks.automation.php;

/**
 * Thrown when an evaluation crosses one of its {@link Budget} bounds. The evaluation stops right there: callers must not
 * catch it to continue, only to report it.
 */
public final class LimitExceeded extends RuntimeException {

    private final String kind;

    /**
     * @param kind one of {@code cpu}, {@code time}, {@code output}, {@code collection}, {@code depth}, {@code regex}
     * @param message readable text, e.g. "template output exceeds 1048576 characters"
     */
    public LimitExceeded(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}

package io.perscom.webhooks.automation.engine;

/** A condition or template that does not parse or cannot be evaluated; {@code line} is 1-based when known. */
public class ExpressionError extends Exception {

    private final Integer line;

    public ExpressionError(String message, Integer line) {
        super(message, null, false, false);
        this.line = line;
    }

    public Integer line() {
        return line;
    }

    /** "line 1: ..." when the line is known. */
    public String describe() {
        return line == null ? getMessage() : "line " + line + ": " + getMessage();
    }
}

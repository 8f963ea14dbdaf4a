package io.perscom.webhooks.api;

import java.util.List;

/** A failure the client caused or must know about; rendered as problem+json by {@link ProblemMappers}. */
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Long retryAfterSeconds;

    public ApiException(Problem problem) {
        this(problem, null);
    }

    private ApiException(Problem problem, Long retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(Problem.of(429, "rate-limited", "Too Many Requests", detail), retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(Problem.of(503, "unavailable", "Service Unavailable", detail), retryAfterSeconds);
    }

    public static ApiException notFound(String what) {
        return new ApiException(Problem.of(404, "not-found", "Not Found", what + " was not found."));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(Problem.of(422, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s).").withErrors(errors));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}

package io.perscom.webhooks.api;

import java.util.List;

/** A failure the client caused or must know about; rendered as problem+json by {@link ProblemMappers}. */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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

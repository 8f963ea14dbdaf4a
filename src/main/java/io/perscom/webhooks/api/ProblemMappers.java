package io.perscom.webhooks.api;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.perscom.webhooks.payload.NonFiniteNumberException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure of a request into RFC 9457 problem+json. Bad input never becomes a 500, and no problem
 * repeats input values back (a value may be a secret).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        Response response = respond(e.problem(), request);
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        return respond(ApiException.invalid(jsonPath(e), "is not a known field").problem(), request);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return malformed(request, "The request body must be a JSON object.");
        }
        return respond(ApiException.invalid(field, "must be " + describe(e.getTargetType())).problem(), request);
    }

    @ServerExceptionMapper
    public Response badFormat(InvalidFormatException e, HttpServerRequest request) {
        return respond(ApiException.invalid(jsonPath(e), "must be " + describe(e.getTargetType())).problem(), request);
    }

    @ServerExceptionMapper
    public Response unrepresentable(UnrepresentableInput e, HttpServerRequest request) {
        String field = jsonPath(e);
        return respond(ApiException.invalid(field.isEmpty() ? "body" : field, e.getOriginalMessage()).problem(),
                request);
    }

    /** The last guard: a payload about to be rendered, signed or sent holds NaN or an infinity. */
    @ServerExceptionMapper
    public Response notJson(NonFiniteNumberException e, HttpServerRequest request) {
        return respond(ApiException.invalid(e.path().isEmpty() ? "body" : e.path(), "number out of range").problem(),
                request);
    }

    @ServerExceptionMapper
    public Response unreadable(StreamReadException e, HttpServerRequest request) {
        return malformed(request, "The request body is not valid JSON.");
    }

    @ServerExceptionMapper
    public Response unmappable(JsonProcessingException e, HttpServerRequest request) {
        return malformed(request, "The request body could not be read as the expected JSON.");
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    /** The identity provider cannot be reached to verify tokens: a passing outage, not the client's fault. */
    @ServerExceptionMapper
    public Response identityProviderDown(io.quarkus.oidc.OIDCException e, HttpServerRequest request) {
        LOG.warnf("Token verification unavailable: %s", e.getMessage());
        Response response = respond(Problem.of(503, "unavailable", "Service Unavailable",
                "Tokens cannot be verified right now; retry later."), request);
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, 10).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "The token does not grant access to this resource."), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return respond(Problem.of(status, slug, title, detailFor(status)), request);
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unhandled failure on %s %s", request.method(), request.path());
        return respond(Problem.of(500, "internal", "Internal Server Error",
                "The service failed to handle the request; it has been logged."), request);
    }

    private static Response unauthorized(HttpServerRequest request) {
        Response response = respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required."), request);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response malformed(HttpServerRequest request, String detail) {
        return respond(Problem.of(400, "malformed-body", "Malformed request body", detail), request);
    }

    private static Response respond(Problem problem, HttpServerRequest request) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(request.path()))
                .build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body must be application/json.";
            default -> "The request cannot be processed.";
        };
    }

    static String jsonPath(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}

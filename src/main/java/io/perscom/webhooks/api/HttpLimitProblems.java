package io.perscom.webhooks.api;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers over-long request targets (414), over-large header blocks (431) and declared bodies over
 * {@code quarkus.http.limits.max-body-size} (413) with problem+json like every other error. These checks run before
 * Quarkus' own body-size check (route order -2), which would answer an empty 413.
 */
@ApplicationScoped
public class HttpLimitProblems {

    private static final int BEFORE_QUARKUS_BODY_LIMIT = -3;

    private final HttpLimitsConfig limits;
    private final Optional<MemorySize> maxBody;
    private final ObjectMapper mapper;

    public HttpLimitProblems(HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
            ObjectMapper mapper) {
        this.limits = limits;
        this.maxBody = maxBody;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_BODY_LIMIT).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(context, Problem.of(414, "uri-too-long", "URI Too Long", "The request target is longer than "
                    + limits.maxUriLength() + " characters."));
        } else if (headerBytes(request) > limits.maxHeaderSize().asLongValue()) {
            refuse(context, Problem.of(431, "headers-too-large", "Request Header Fields Too Large",
                    "The request headers are larger than " + limits.maxHeaderSize().asLongValue() + " bytes."));
        } else if (maxBody.isPresent() && declaredLength(request) > maxBody.get().asLongValue()) {
            refuse(context, Problem.of(413, "body-too-large", "Request body too large",
                    "The request body is larger than " + maxBody.get().asLongValue() + " bytes."));
        } else {
            context.next();
        }
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The connection is closed after the answer: an unread body or a bad request line leaves it unusable. */
    private void refuse(RoutingContext context, Problem problem) {
        String path = context.request().path();
        String body;
        try {
            body = mapper.writeValueAsString(problem.withInstance(path != null && path.length() <= 256 ? path
                    : null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is always serializable", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}

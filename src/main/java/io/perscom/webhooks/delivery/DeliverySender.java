package io.perscom.webhooks.delivery;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.ConnectTimeoutException;
import io.perscom.webhooks.egress.EgressGuard;
import io.perscom.webhooks.payload.PhpQueryString;
import io.perscom.webhooks.signing.WebhookSigner;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one signed attempt and reports what happened. Uses the Vert.x HTTP client directly rather than the typed REST
 * client: a webhook sender needs to stop reading a response body at a cap, to bound the whole exchange in time, and
 * (for the SSRF guard) to choose the address it connects to; the REST client exposes none of these.
 */
@ApplicationScoped
public class DeliverySender {

    static final String REDACTED = "[redacted]";
    public static final String AUTOMATION_HEADER = "X-Perscom-Automation-Id";

    private final HttpClient client;
    private final DeliveryConfig config;
    private final ObjectMapper mapper;
    private final EgressGuard egress;

    public DeliverySender(Vertx vertx, DeliveryConfig config, ObjectMapper mapper, EgressGuard egress) {
        this.config = config;
        this.mapper = mapper;
        this.egress = egress;
        HttpClientOptions options = new HttpClientOptions()
                .setName("webhook-sender")
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setMaxRedirects(0)
                .setDecompressionSupported(false)
                .setVerifyHost(true)
                // Our trace context stays inside: no traceparent header goes to tenants' endpoints.
                .setTracingPolicy(io.vertx.core.tracing.TracingPolicy.IGNORE);
        // Connections are pooled per host and port, and many webhooks share a host (or a receiver): the pool must
        // not be the bottleneck, the dispatcher's per-webhook bound is the limit that matters.
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxInFlight());
        this.client = vertx.createHttpClient(options, pool);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<AttemptResult> send(DeliveryJob job) {
        boolean get = "get".equals(job.method());
        String url = get ? withQuery(job.url(), queryOf(job.payload())) : job.url();
        Map<String, String> headers = headers(job);
        RequestOptions request = new RequestOptions()
                .setMethod(get ? HttpMethod.GET : HttpMethod.POST)
                .setAbsoluteURI(url)
                .setFollowRedirects(false)
                .setIdleTimeout(config.readTimeout().toMillis());
        headers.forEach(request::putHeader);
        Map<String, String> logged = redacted(headers);
        String loggedUrl = UrlRedaction.redact(url);
        long started = System.nanoTime();
        Duration deadline = config.connectTimeout().plus(config.readTimeout());
        URI target = URI.create(url);
        return egress.resolve(target.getHost())
                .onItem().transformToUni(address -> {
                    // Connect to the address that was checked, not to a second DNS answer.
                    request.setServer(SocketAddress.inetSocketAddress(port(target), address.getHostAddress()));
                    return Uni.createFrom().<AttemptResult> emitter(emitter -> exchange(request,
                            get ? null : job.payload(), new Exchange(emitter, loggedUrl, logged, started)));
                })
                .ifNoItem().after(deadline)
                .recoverWithItem(() -> AttemptResult.error(loggedUrl, logged, elapsed(started), ErrorKind.TIMEOUT,
                        "No complete response within " + deadline.toSeconds() + " s"))
                .onFailure(EgressGuard.Refused.class).recoverWithItem(refused -> AttemptResult.error(loggedUrl,
                        logged, elapsed(started), ErrorKind.BLOCKED, "Refused by the SSRF guard: "
                                + refused.getMessage()))
                .onFailure().recoverWithItem(error -> AttemptResult.error(loggedUrl, logged, elapsed(started),
                        classify(error), String.valueOf(error.getMessage())));
    }

    private static int port(URI target) {
        if (target.getPort() > 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }

    private Map<String, String> headers(DeliveryJob job) {
        long timestamp = System.currentTimeMillis() / 1000;
        String messageId = "msg_" + job.messageId();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", config.userAgent());
        headers.put("Signature", WebhookSigner.perscomSignature(job.secret(), job.payload()));
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        String signature = WebhookSigner.standardSignature(job.secret(), messageId, timestamp, job.payload());
        if (job.previousSecret() != null) {
            // During a rotation both secrets sign, space-separated, as Standard Webhooks allows.
            signature += " " + WebhookSigner.standardSignature(job.previousSecret(), messageId, timestamp,
                    job.payload());
        }
        headers.put("webhook-signature", signature);
        if (job.automationId() != null) {
            // Lets PERSCOM mark events caused by this request, so automations cannot trigger each other in a loop.
            headers.put(AUTOMATION_HEADER, job.automationId().toString());
        }
        return headers;
    }

    private void exchange(RequestOptions options, String body, Exchange exchange) {
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                exchange.fail(created.cause());
                return;
            }
            HttpClientRequest request = created.result();
            request.response().onComplete(answered -> {
                if (answered.failed()) {
                    exchange.fail(answered.cause());
                } else {
                    read(request, answered.result(), exchange);
                }
            });
            if (body == null) {
                request.end();
            } else {
                request.end(Buffer.buffer(body));
            }
        });
    }

    private void read(HttpClientRequest request, HttpClientResponse response, Exchange exchange) {
        int cap = config.maxResponseBody();
        Buffer body = Buffer.buffer();
        long[] arrived = { 0 };
        response.handler(chunk -> {
            arrived[0] += chunk.length();
            int room = cap - body.length();
            if (room > 0) {
                body.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
            if (body.length() >= cap) {
                // Enough for the log: stop reading and drop the connection instead of draining the rest.
                exchange.respond(response, body, arrived[0], cut(arrived[0], cap, response));
                request.reset();
            }
        });
        response.exceptionHandler(error -> exchange.respond(response, body, arrived[0], arrived[0] > cap));
        response.endHandler(done -> exchange.respond(response, body, arrived[0], arrived[0] > cap));
    }

    /** Reading stops at the cap: the body was cut if more arrived, or if the response declares more. */
    private static boolean cut(long arrived, int cap, HttpClientResponse response) {
        String declared = response.getHeader("Content-Length");
        try {
            return arrived > cap || (declared == null ? response.getHeader("Transfer-Encoding") != null
                    : Long.parseLong(declared.trim()) > cap);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private String queryOf(String payload) {
        try {
            JsonNode node = mapper.readTree(payload);
            return PhpQueryString.encode(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload is not JSON", e);
        }
    }

    static String withQuery(String url, String query) {
        if (query.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') >= 0 ? "&" : "?") + query;
    }

    static Map<String, String> redacted(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.computeIfPresent("Signature", (k, v) -> REDACTED);
        copy.computeIfPresent("webhook-signature", (k, v) -> v.replaceAll("v1,[^ ]+", "v1," + REDACTED));
        return copy;
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    static ErrorKind classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return ErrorKind.TIMEOUT;
            }
            if (t instanceof UnknownHostException) {
                return ErrorKind.DNS;
            }
            if (t instanceof SSLException) {
                return ErrorKind.TLS;
            }
            if (t instanceof ConnectException) {
                return t.getMessage() != null && t.getMessage().toLowerCase().contains("refused")
                        ? ErrorKind.CONNECTION_REFUSED
                        : ErrorKind.CONNECTION;
            }
        }
        return ErrorKind.CONNECTION;
    }

    static Duration retryAfter(int status, String header) {
        if ((status != 429 && status != 503) || header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Completes the attempt's Uni exactly once, whichever of response, error or cap comes first. */
    private static final class Exchange {
        private final UniEmitter<? super AttemptResult> emitter;
        private final String url;
        private final Map<String, String> requestHeaders;
        private final long started;
        private final AtomicBoolean done = new AtomicBoolean();

        Exchange(UniEmitter<? super AttemptResult> emitter, String url, Map<String, String> requestHeaders,
                long started) {
            this.emitter = emitter;
            this.url = url;
            this.requestHeaders = requestHeaders;
            this.started = started;
        }

        void fail(Throwable error) {
            if (done.compareAndSet(false, true)) {
                String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
                emitter.complete(AttemptResult.error(url, requestHeaders, elapsed(started), classify(error),
                        message.length() > 1000 ? message.substring(0, 1000) : message));
            }
        }

        void respond(HttpClientResponse response, Buffer body, long arrived, boolean truncated) {
            if (done.compareAndSet(false, true)) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                response.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(),
                        k -> new ArrayList<>()).add(h.getValue()));
                emitter.complete(new AttemptResult(url, requestHeaders, response.statusCode(),
                        response.statusMessage(), headers, body.toString(java.nio.charset.StandardCharsets.UTF_8),
                        elapsed(started), null, null,
                        retryAfter(response.statusCode(), response.getHeader("Retry-After")), truncated, arrived));
            }
        }
    }
}

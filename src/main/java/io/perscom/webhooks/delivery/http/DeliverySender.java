package io.perscom.webhooks.delivery.http;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.ConnectTimeoutException;
import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.egress.EgressGuard;
import io.perscom.webhooks.payload.PhpQueryString;
import io.perscom.webhooks.signing.WebhookSigner;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Sends one signed attempt, following redirects as PERSCOM's sender does ({@link Redirects}; every hop through the
 * SSRF guard), and reports what happened as one result. Uses the Vert.x HTTP client directly rather than the typed REST
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
    private final HopSender hops;

    public DeliverySender(Vertx vertx, DeliveryConfig config, ObjectMapper mapper, EgressGuard egress) {
        this.config = config;
        this.mapper = mapper;
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
        this.hops = new HopSender(client, egress, config);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<AttemptResult> send(DeliveryJob job) {
        boolean get = "get".equals(job.method());
        String url = get ? withQuery(job.url(), queryOf(job.payload())) : job.url();
        Map<String, String> headers = headers(job);
        RedirectChain chain = new RedirectChain(UrlRedaction.redact(url), redacted(headers));
        return follow(new Redirects.Request(get ? HttpMethod.GET : HttpMethod.POST, url, get ? null : job.payload()),
                headers, chain);
    }

    /** Sends {@code request} and follows what it redirects to (same headers, so the same signatures). */
    private Uni<AttemptResult> follow(Redirects.Request request, Map<String, String> headers, RedirectChain chain) {
        return hops.send(request, headers)
                .flatMap(response -> {
                    String location = response.header("location");
                    if (!Redirects.isRedirect(response.status(), location)) {
                        return Uni.createFrom().item(chain.answered(request, response));
                    }
                    chain.redirected(request, response.status());
                    if (chain.redirects() > Redirects.MAX) {
                        return Uni.createFrom().item(chain.failed(null, ErrorKind.TOO_MANY_REDIRECTS,
                                "Will not follow more than " + Redirects.MAX + " redirects"));
                    }
                    try {
                        return follow(Redirects.next(request, response.status(), location), headers, chain);
                    } catch (Redirects.Refused refused) {
                        return Uni.createFrom().item(chain.failed(null, ErrorKind.REDIRECT_REFUSED,
                                refused.getMessage()));
                    }
                })
                .onFailure(EgressGuard.Refused.class).recoverWithItem(refused -> chain.refused(request,
                        refused.getMessage()))
                .onFailure().recoverWithItem(error -> chain.failed(request, classify(error), messageOf(error)));
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

    private static String messageOf(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
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
}

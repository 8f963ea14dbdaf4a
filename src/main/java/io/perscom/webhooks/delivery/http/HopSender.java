package io.perscom.webhooks.delivery.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.egress.EgressGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one HTTP request of an attempt: resolves its host through the SSRF guard, connects to exactly that checked
 * address, and reads the response body up to the cap, within the connect plus read timeout.
 */
final class HopSender {

    private final HttpClient client;
    private final EgressGuard egress;
    private final int maxBody;
    private final long idleTimeoutMillis;
    private final Duration deadline;

    HopSender(HttpClient client, EgressGuard egress, DeliveryConfig config) {
        this.client = client;
        this.egress = egress;
        this.maxBody = config.maxResponseBody();
        this.idleTimeoutMillis = config.readTimeout().toMillis();
        this.deadline = config.connectTimeout().plus(config.readTimeout());
    }

    /** The response, or a failure: {@link EgressGuard.Refused}, a timeout, or the connection's error. */
    Uni<HopResponse> send(Redirects.Request request, Map<String, String> headers) {
        URI target = URI.create(request.url());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(request.url())
                .setFollowRedirects(false)
                .setIdleTimeout(idleTimeoutMillis);
        headers.forEach(options::putHeader);
        return egress.resolve(target.getHost())
                .onItem().transformToUni(address -> {
                    // Connect to the address that was checked, not to a second DNS answer.
                    options.setServer(SocketAddress.inetSocketAddress(port(target), address.getHostAddress()));
                    return Uni.createFrom().<HopResponse> emitter(emitter -> exchange(options, request.body(),
                            new Exchange(emitter)));
                })
                .ifNoItem().after(deadline).failWith(() -> new TimeoutException(
                        "No complete response within " + deadline.toSeconds() + " s"));
    }

    private static int port(URI target) {
        if (target.getPort() > 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
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
        Buffer body = Buffer.buffer();
        long[] arrived = { 0 };
        response.handler(chunk -> {
            arrived[0] += chunk.length();
            int room = maxBody - body.length();
            if (room > 0) {
                body.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
            if (body.length() >= maxBody) {
                // Enough for the log: stop reading and drop the connection instead of draining the rest.
                exchange.respond(response, body, arrived[0], cut(arrived[0], maxBody, response));
                request.reset();
            }
        });
        response.exceptionHandler(error -> exchange.respond(response, body, arrived[0], arrived[0] > maxBody));
        response.endHandler(done -> exchange.respond(response, body, arrived[0], arrived[0] > maxBody));
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

    /** Completes the request's Uni exactly once, whichever of response, error or cap comes first. */
    private static final class Exchange {
        private final UniEmitter<? super HopResponse> emitter;
        private final AtomicBoolean done = new AtomicBoolean();

        Exchange(UniEmitter<? super HopResponse> emitter) {
            this.emitter = emitter;
        }

        void fail(Throwable error) {
            if (done.compareAndSet(false, true)) {
                emitter.fail(error);
            }
        }

        void respond(HttpClientResponse response, Buffer body, long arrived, boolean truncated) {
            if (done.compareAndSet(false, true)) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                response.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(),
                        k -> new ArrayList<>()).add(h.getValue()));
                emitter.complete(new HopResponse(response.statusCode(), response.statusMessage(), headers,
                        body.toString(StandardCharsets.UTF_8), truncated, arrived));
            }
        }
    }
}

package io.perscom.webhooks.delivery.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The requests of one attempt (the first and every redirect followed) and what the attempt comes to: one
 * {@link AttemptResult}, whose {@code redirects} list every hop when there was more than one.
 */
final class RedirectChain {

    private final String url;
    private final Map<String, String> requestHeaders;
    private final long started = System.nanoTime();
    private final List<RedirectHop> hops = new ArrayList<>();

    /** {@code url} and {@code requestHeaders} as logged (redacted). */
    RedirectChain(String url, Map<String, String> requestHeaders) {
        this.url = url;
        this.requestHeaders = requestHeaders;
    }

    void redirected(Redirects.Request request, int status) {
        hops.add(hop(request, status));
    }

    int redirects() {
        return hops.size();
    }

    /** The final response (not a redirect that is followed). */
    AttemptResult answered(Redirects.Request request, HopResponse response) {
        return new AttemptResult(url, requestHeaders, response.status(), response.reason(), response.headers(),
                response.body(), elapsed(), null, null,
                DeliverySender.retryAfter(response.status(), response.header("retry-after")),
                finish(request, response.status()), response.bodyTruncated(), response.bodyBytes());
    }

    /** No response for {@code request} (null: the failure is about the last redirect response itself). */
    AttemptResult failed(Redirects.Request request, ErrorKind kind, String message) {
        List<RedirectHop> chain = finish(request, null);
        return new AttemptResult(url, requestHeaders, null, null, null, null, elapsed(), kind, message, null, chain,
                false, null);
    }

    /** The SSRF guard refused {@code request}'s address: the webhook's own URL, or a redirect's target. */
    AttemptResult refused(Redirects.Request request, String reason) {
        if (hops.isEmpty()) {
            return failed(request, ErrorKind.BLOCKED, "Refused by the SSRF guard: " + reason);
        }
        return failed(request, ErrorKind.REDIRECT_REFUSED, "Redirect to " + UrlRedaction.redact(request.url())
                + " refused by the SSRF guard: " + reason);
    }

    private List<RedirectHop> finish(Redirects.Request last, Integer status) {
        if (hops.isEmpty()) {
            return null;
        }
        if (last != null) {
            hops.add(hop(last, status));
        }
        return List.copyOf(hops);
    }

    private static RedirectHop hop(Redirects.Request request, Integer status) {
        return new RedirectHop(request.method().name(), UrlRedaction.redact(request.url()), status);
    }

    private long elapsed() {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}

package io.perscom.webhooks.delivery.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one attempt produced: a response (status, reason, headers, the start of the body) or an error kind.
 * {@code redirects} lists every request of the attempt when it followed redirects (null when it did not); the
 * response is then the last request's. {@code responseBodyTruncated} says the body was cut at the configured cap;
 * {@code responseBodyBytes} is how many bytes of it arrived before reading stopped (null without a response).
 */
public record AttemptResult(String requestUrl, Map<String, String> requestHeaders, Integer status, String reason,
        Map<String, List<String>> responseHeaders, String responseBody, long durationMs, ErrorKind errorKind,
        String errorMessage, Duration retryAfter, List<RedirectHop> redirects, boolean responseBodyTruncated,
        Long responseBodyBytes) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    public static AttemptResult internal(String url, Throwable error) {
        return error(url, Map.of(), 0, ErrorKind.INTERNAL, "internal error: " + error.getClass().getSimpleName());
    }

    public static AttemptResult error(String url, Map<String, String> requestHeaders, long durationMs, ErrorKind kind,
            String message) {
        return new AttemptResult(url, requestHeaders, null, null, null, null, durationMs, kind, message, null, null,
                false, null);
    }
}

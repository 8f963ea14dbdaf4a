package io.perscom.webhooks.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one HTTP attempt produced: a response (status, reason, headers, the start of the body) or an error kind.
 * {@code responseBodyTruncated} says the body was cut at the configured cap; {@code responseBodyBytes} is how many
 * bytes of it arrived before reading stopped (null without a response).
 */
public record AttemptResult(String requestUrl, Map<String, String> requestHeaders, Integer status, String reason,
        Map<String, List<String>> responseHeaders, String responseBody, long durationMs, ErrorKind errorKind,
        String errorMessage, Duration retryAfter, boolean responseBodyTruncated, Long responseBodyBytes) {

    /** A result whose body (if any) was read whole. */
    public AttemptResult(String requestUrl, Map<String, String> requestHeaders, Integer status, String reason,
            Map<String, List<String>> responseHeaders, String responseBody, long durationMs, ErrorKind errorKind,
            String errorMessage, Duration retryAfter) {
        this(requestUrl, requestHeaders, status, reason, responseHeaders, responseBody, durationMs, errorKind,
                errorMessage, retryAfter, false, responseBody == null ? null
                        : (long) responseBody.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    static AttemptResult error(String url, Map<String, String> requestHeaders, long durationMs, ErrorKind kind,
            String message) {
        return new AttemptResult(url, requestHeaders, null, null, null, null, durationMs, kind, message, null);
    }
}

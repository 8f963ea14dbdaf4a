package io.perscom.webhooks.delivery.http;

import java.util.List;
import java.util.Map;

/**
 * What one HTTP request got back: status, reason, headers (lowercase names) and the body up to the cap;
 * {@code bodyTruncated} says it was cut there, {@code bodyBytes} how many bytes arrived before reading stopped.
 */
record HopResponse(int status, String reason, Map<String, List<String>> headers, String body, boolean bodyTruncated,
        long bodyBytes) {

    String header(String lowercaseName) {
        List<String> values = headers.get(lowercaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

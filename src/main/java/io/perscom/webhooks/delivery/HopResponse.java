package io.perscom.webhooks.delivery;

import java.util.List;
import java.util.Map;

/** What one HTTP request got back: status, reason, headers (lowercase names) and the body up to the cap. */
record HopResponse(int status, String reason, Map<String, List<String>> headers, String body) {

    String header(String lowercaseName) {
        List<String> values = headers.get(lowercaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

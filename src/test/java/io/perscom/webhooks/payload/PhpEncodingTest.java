package io.perscom.webhooks.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Expected strings are what PHP 8 prints for the same values (json_encode, http_build_query RFC 3986). */
class PhpEncodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonEncodeDefaults() throws Exception {
        JsonNode value = JSON.readTree("{\"url\":\"https://perscom.io/a\",\"name\":\"Zoë \\\"Z\\\" 😀\","
                + "\"n\":1,\"f\":1.5,\"whole\":2.0,\"big\":1.0e25,\"ok\":true,\"none\":null,\"list\":[1,\"x\"],"
                + "\"ctl\":\"a\\tb\\u0001\"}");
        assertEquals("{\"url\":\"https:\\/\\/perscom.io\\/a\",\"name\":\"Zo\\u00eb \\\"Z\\\" \\ud83d\\ude00\","
                + "\"n\":1,\"f\":1.5,\"whole\":2,\"big\":1.0e+25,\"ok\":true,\"none\":null,\"list\":[1,\"x\"],"
                + "\"ctl\":\"a\\tb\\u0001\"}", PhpJson.write(value));
    }

    @Test
    void httpBuildQueryRfc3986() throws Exception {
        JsonNode value = JSON.readTree("{\"event\":\"user.created\",\"data\":{\"name\":\"A & B/C\",\"id\":5,"
                + "\"tags\":[\"x y\",\"~z\"],\"gone\":null,\"on\":true,\"off\":false,\"ratio\":0.5,"
                + "\"nested\":{\"k\":\"ü\"}},\"changes\":null}");
        assertEquals("event=user.created&data%5Bname%5D=A%20%26%20B%2FC&data%5Bid%5D=5"
                + "&data%5Btags%5D%5B0%5D=x%20y&data%5Btags%5D%5B1%5D=~z&data%5Bon%5D=1&data%5Boff%5D=0"
                + "&data%5Bratio%5D=0.5&data%5Bnested%5D%5Bk%5D=%C3%BC", PhpQueryString.encode(value));
    }

    @Test
    void payloadKeepsPerscomKeyOrderAndMicroseconds() {
        String body = WebhookPayload.render(WebhookPayload.build("rankrecord.updated",
                Instant.parse("2026-01-14T12:00:00Z"), "req", null, JSON.createObjectNode().put("id", 1), null));
        assertEquals("{\"event\":\"rankrecord.updated\",\"created\":\"2026-01-14T12:00:00.000000Z\","
                + "\"request_id\":\"req\",\"trace_id\":null,\"data\":{\"id\":1},\"changes\":null}", body);
    }

    /** PHP 8: json_encode / http_build_query of the same payload with {@code 'changes' => []}. */
    @Test
    void emptyChangesAreAnEmptyArrayInJsonAndNothingInTheQuery() throws Exception {
        for (String empty : new String[] { "[]", "{}" }) {
            JsonNode payload = WebhookPayload.build("user.created", Instant.parse("2026-01-14T12:00:00Z"), "req-9",
                    null, JSON.createObjectNode().put("id", 5), ChangeSet.payloadForm(JSON.readTree(empty)));
            assertEquals("{\"event\":\"user.created\",\"created\":\"2026-01-14T12:00:00.000000Z\","
                    + "\"request_id\":\"req-9\",\"trace_id\":null,\"data\":{\"id\":5},\"changes\":[]}",
                    WebhookPayload.render((com.fasterxml.jackson.databind.node.ObjectNode) payload));
            assertEquals("event=user.created&created=2026-01-14T12%3A00%3A00.000000Z&request_id=req-9&data%5Bid%5D=5",
                    PhpQueryString.encode(payload));
        }
    }
}

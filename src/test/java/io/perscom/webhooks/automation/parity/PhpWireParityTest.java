package io.perscom.webhooks.automation.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.payload.PhpJson;
import io.perscom.webhooks.payload.PhpQueryString;

/**
 * The wire format against PHP itself: for every payload of parity/payloads.json, our {@link PhpJson} (the POST body)
 * and {@link PhpQueryString} (the GET query) must produce the bytes PHP's json_encode and
 * http_build_query(..., PHP_QUERY_RFC3986) produced (parity/expected-payloads.json, proven by tools/parity/check.sh).
 */
class PhpWireParityTest {

    private static final Map<String, JsonNode> EXPECTED = ParityFiles.expectedById("expected-payloads.json");

    @TestFactory
    Stream<DynamicTest> jsonEncode() {
        return cases().map(payloadCase -> DynamicTest.dynamicTest(payloadCase.get("id").asText(), () -> {
            JsonNode expected = expected(payloadCase);
            assertEquals(expected.get("json").asText(), PhpJson.write(payloadCase.get("payload")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> httpBuildQuery() {
        return cases().map(payloadCase -> DynamicTest.dynamicTest(payloadCase.get("id").asText(), () -> {
            JsonNode expected = expected(payloadCase);
            assertEquals(expected.get("query").asText(), PhpQueryString.encode(payloadCase.get("payload")));
        }));
    }

    private static Stream<JsonNode> cases() {
        return StreamSupport.stream(ParityFiles.read("payloads.json").spliterator(), false);
    }

    private static JsonNode expected(JsonNode payloadCase) {
        JsonNode expected = EXPECTED.get(payloadCase.get("id").asText());
        assertNotNull(expected, "no PHP result for this case: run tools/parity/oracle.php");
        return expected;
    }
}

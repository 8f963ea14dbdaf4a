package io.perscom.webhooks.automation.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The parity corpus (src/test/resources/parity) and what PHP produced for it (tools/parity/oracle.php). */
final class ParityFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private ParityFiles() {
    }

    static JsonNode read(String name) {
        try (InputStream in = ParityFiles.class.getResourceAsStream("/parity/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource parity/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PHP's result per case id, from an expected-*.json file. */
    static Map<String, JsonNode> expectedById(String name) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode entry : read(name).get("cases")) {
            byId.put(entry.get("id").asText(), entry);
        }
        return byId;
    }
}

package io.perscom.webhooks.automation.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Json beyond json_encode parity (covered by the PHP table): typed output trees and decoding. */
class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void listsBecomeArraysAndOtherArraysObjects() {
        PhpArray list = PhpArray.of(1L, "two", 3.5);
        PhpArray map = PhpArray.ofMap(Map.of("a", 1L));
        PhpArray gappy = new PhpArray().put(1L, "x");
        assertEquals("[1,\"two\",3.5]", Json.toJsonNode(list).toString());
        assertEquals("{\"a\":1}", Json.toJsonNode(map).toString());
        assertEquals("{\"1\":\"x\"}", Json.toJsonNode(gappy).toString());
        assertEquals("[]", Json.toJsonNode(new PhpArray()).toString());
    }

    @Test
    void nonFiniteFloatsAreNeverEmitted() {
        assertEquals("Inf and NaN cannot be JSON encoded",
                assertThrows(PhpError.class, () -> Json.toJsonNode(PhpArray.of(Double.NaN))).getMessage());
        assertThrows(PhpError.class, () -> Json.encode(Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void decodingKeepsPhpTypes() throws Exception {
        JsonNode node = MAPPER.readTree("{\"1\":{\"n\":12345678901234567890,\"f\":1.0,\"i\":7}}");
        PhpArray decoded = (PhpArray) Json.fromJson(node);
        PhpArray inner = (PhpArray) decoded.get(1L);
        assertTrue(inner.get("n") instanceof Double);
        assertEquals(1.0, inner.get("f"));
        assertEquals(7L, inner.get("i"));
    }

    @Test
    void encodingStopsAtTheStringBudget() {
        PhpArray big = new PhpArray();
        for (int i = 0; i < 2000; i++) {
            big.append("x".repeat(1000));
        }
        Budget budget = new Budget();
        assertEquals("output", assertThrows(LimitExceeded.class, () -> Json.encode(big, 0, budget)).kind());
    }
}

package io.perscom.webhooks.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The last guard: NaN and infinities are never rendered (PHP's json_encode fails on them too, error 7). */
class PhpJsonGuardTest {

    @Test
    void nonFiniteNumbersAreRefusedNamingTheirPath() {
        for (double value : new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN }) {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.putObject("data").putArray("a").add(1).addObject().put("n", value);
            NonFiniteNumberException e = assertThrows(NonFiniteNumberException.class, () -> PhpJson.write(payload));
            assertEquals("data.a[1].n", e.path());
        }
        assertThrows(NonFiniteNumberException.class,
                () -> PhpQueryString.encode(JsonNodeFactory.instance.objectNode().put("n", Double.NaN)));
    }
}

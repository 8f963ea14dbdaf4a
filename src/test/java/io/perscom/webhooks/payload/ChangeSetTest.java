package io.perscom.webhooks.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Both forms of {@code changes}, and PERSCOM's "nothing changed" (payload {@code []}, automation context null). */
class ChangeSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "[]", "{}" })
    void nothingChangedIsAnEmptyArrayForReceiversAndNullForAutomations(String empty) throws Exception {
        JsonNode changes = JSON.readTree(empty);
        assertEquals(JSON.readTree("[]"), ChangeSet.payloadForm(changes));
        assertTrue(ChangeSet.detailedForm(changes).isNull());
    }

    @Test
    void absentChangesStayNull() {
        assertEquals(null, ChangeSet.payloadForm(null));
        assertTrue(ChangeSet.payloadForm(JSON.nullNode()).isNull());
        assertTrue(ChangeSet.detailedForm(null).isNull());
        assertTrue(ChangeSet.detailedForm(JSON.nullNode()).isNull());
    }

    @Test
    void flatAndDetailedFormsConvert() throws Exception {
        JsonNode flat = JSON.readTree("{\"rank_id\":7,\"name\":\"Jane\"}");
        JsonNode detailed = JSON.readTree("{\"rank_id\":{\"old\":6,\"new\":7},\"name\":{\"old\":null,\"new\":\"Jane\"}}");
        assertEquals(flat, ChangeSet.payloadForm(flat));
        assertEquals(flat, ChangeSet.payloadForm(detailed));
        assertEquals(detailed, ChangeSet.detailedForm(detailed));
        assertEquals(JSON.readTree("{\"rank_id\":{\"old\":null,\"new\":7},\"name\":{\"old\":null,\"new\":\"Jane\"}}"),
                ChangeSet.detailedForm(flat));
    }
}

package io.perscom.webhooks.automation.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.Php;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of tools/parity/el-cases.txt against the results real PHP gave (Symfony ExpressionLanguage sources,
 * PERSCOM's functions, Carbon, Laravel's error handling) in src/test/resources/expression/el-oracle-results.json.
 * Regenerate that file with tools/parity/el-oracle.php after changing the cases.
 */
class ExpressionOracleParityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Where this engine differs on purpose: {@code .} on an array reads the key (PERSCOM's documentation uses
     * {@code model.status}); Symfony raises "Unable to get property ... of non-object".
     */
    static final Map<String, Object> INTENTIONAL_DIFFERENCES = intentionalDifferences();

    private static Map<String, Object> intentionalDifferences() {
        // expression -> what we give: the array's key, as model["key"] ?? null would (values from el-contexts.json)
        Map<String, Object> differences = new LinkedHashMap<>();
        differences.put("model.status", "active");
        differences.put("model.status == \"active\"", true);
        differences.put("causer.id", 7L);
        differences.put("model?.email", "jane@example.com");
        differences.put("model.missing", null);
        differences.put("changes.status.new", "active");
        differences.put("model.not", null);
        differences.put("model.matches", null);
        differences.put("model.in", null);
        differences.put("model[\"nested\"][\"a\"]?.b", 1L);
        differences.put("model[\"nested\"]?.a", PhpArray.ofMap(Map.of("b", 1L)));
        differences.put("model.a.b", new Raises("Unable to get property \"b\" of non-object \"model.a\"."));
        return differences;
    }

    /**
     * Cases whose message comes from the php runtime and is not PHP's word for word yet (PCRE's compile errors come
     * from the pattern translator): only the part up to the first ": " after the prefix is compared.
     */
    static final Set<String> RUNTIME_MESSAGE_GAPS = Set.of("\"x\" matches \"/(/\"");

    /** An intentional difference that still fails, with another message than Symfony's. */
    record Raises(String message) {
    }

    private static final ExpressionLanguage LANGUAGE = new ExpressionLanguage(PerscomFunctions.all());

    @TestFactory
    Stream<DynamicTest> matchesPhp() throws IOException {
        JsonNode oracle = results();
        Map<String, Map<String, Object>> contexts = contexts(oracle.get("contexts"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode result : oracle.get("results")) {
            String expression = result.get("expression").asText();
            if (INTENTIONAL_DIFFERENCES.containsKey(expression)) {
                continue;
            }
            Map<String, Object> context = contexts.get(result.get("context").asText());
            tests.add(DynamicTest.dynamicTest(result.get("context").asText() + ": " + expression,
                    () -> assertSameAsPhp(result, expression, context)));
        }
        return tests.stream();
    }

    @Test
    void theIntentionalDifferencesAreRealAndDocumented() throws IOException, ExpressionSyntaxError {
        JsonNode oracle = results();
        Map<String, Map<String, Object>> contexts = contexts(oracle.get("contexts"));
        int seen = 0;
        for (JsonNode result : oracle.get("results")) {
            String expression = result.get("expression").asText();
            if (!INTENTIONAL_DIFFERENCES.containsKey(expression)) {
                continue;
            }
            seen++;
            assertTrue(result.get("message").asText().startsWith("Unable to get property"), expression);
            Map<String, Object> context = contexts.get(result.get("context").asText());
            Object expected = INTENTIONAL_DIFFERENCES.get(expression);
            if (expected instanceof Raises raises) {
                assertEquals(raises.message(), assertThrows(PhpError.class, () -> evaluate(expression, context))
                        .getMessage());
            } else {
                assertEquals(tag(expected), tag(evaluate(expression, context)), expression);
            }
        }
        assertEquals(INTENTIONAL_DIFFERENCES.size(), seen, "every listed difference has an oracle case");
    }

    private static void assertSameAsPhp(JsonNode result, String expression, Map<String, Object> context)
            throws IOException {
        Object value;
        try {
            value = evaluate(expression, context);
        } catch (ExpressionSyntaxError e) {
            assertTrue(!result.get("ok").asBoolean() && result.get("class").asText().endsWith("SyntaxError"),
                    "PHP gave " + result + " but we raised the syntax error " + e.getMessage());
            assertEquals(result.get("message").asText(), e.getMessage());
            return;
        } catch (PhpError e) {
            assertTrue(!result.get("ok").asBoolean(), "PHP gave " + result.get("value") + " but we raised " + e);
            String expected = result.get("message").asText();
            if (RUNTIME_MESSAGE_GAPS.contains(expression)) {
                String stem = expected.substring(0, expected.indexOf("Compilation failed: ") + 20);
                assertTrue(e.getMessage().startsWith(stem), e.getMessage());
                return;
            }
            assertEquals(expected, e.getMessage());
            return;
        }
        if (!result.get("ok").asBoolean()) {
            fail("PHP raised " + result.get("class").asText() + ": " + result.get("message").asText() + " but we gave "
                    + tag(value));
        }
        assertEquals(result.get("value"), MAPPER.readTree(MAPPER.writeValueAsString(tag(value))));
    }

    private static Object evaluate(String expression, Map<String, Object> context) throws ExpressionSyntaxError {
        // PERSCOM calls evaluate($expression, $context): the allowed names are the context's keys
        return LANGUAGE.parse(expression, context.keySet()).evaluate(context, new Budget());
    }

    static JsonNode results() throws IOException {
        try (InputStream in = ExpressionOracleParityTest.class.getResourceAsStream(
                "/expression/el-oracle-results.json")) {
            return MAPPER.readTree(in);
        }
    }

    static Map<String, Map<String, Object>> contexts(JsonNode contexts) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        contexts.fields().forEachRemaining(entry -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(variable -> variables.put(variable.getKey(),
                    "now".equals(variable.getKey())
                            ? PhpDate.parse(variable.getValue().asText(), PhpDate.zoneId("UTC"))
                            : Json.fromJson(variable.getValue())));
            all.put(entry.getKey(), variables);
        });
        return all;
    }

    /** The oracle's tagged form of a PHP value (see el-oracle.php). */
    static JsonNode tag(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        value = Php.normalize(value);
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Long l) {
            return nodes.numberNode(l);
        }
        if (value instanceof Double d) {
            ObjectNode tagged = nodes.objectNode();
            String repr = Php.floatRepr(d);
            // var_export() marks an integral float with ".0"
            tagged.put("float", repr.matches("-?[0-9]+") ? repr + ".0" : repr);
            return tagged;
        }
        if (value instanceof String s) {
            return nodes.textNode(s);
        }
        if (value instanceof PhpArray array) {
            ArrayNode pairs = nodes.arrayNode();
            for (Map.Entry<Object, Object> entry : array.entries()) {
                ArrayNode pair = pairs.addArray();
                pair.add(tag(entry.getKey()));
                pair.add(tag(entry.getValue()));
            }
            ObjectNode tagged = nodes.objectNode();
            tagged.set("array", pairs);
            return tagged;
        }
        if (value instanceof PhpDate date) {
            ObjectNode tagged = nodes.objectNode();
            tagged.put("date", date.format("Y-m-d\\TH:i:s.uP"));
            return tagged;
        }
        throw new AssertionError("not a PHP value: " + value);
    }
}

package io.perscom.webhooks.automation.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.automation.expression.ExpressionLanguage;
import io.perscom.webhooks.automation.expression.ExpressionSyntaxError;
import io.perscom.webhooks.automation.expression.ParsedExpression;
import io.perscom.webhooks.automation.expression.PerscomFunctions;
import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import io.perscom.webhooks.automation.twig.TwigEngine;
import io.perscom.webhooks.automation.twig.TwigOptions;
import io.perscom.webhooks.automation.twig.TwigSyntaxError;

/**
 * Our Twig and ExpressionLanguage engines against real PHP, case by case: parity/templates.json and
 * parity/conditions.json, whose results PHP produced in expected-templates.json / expected-conditions.json
 * (tools/parity/oracle.php with Twig 3.5.1, EL 5.4, Carbon; tools/parity/check.sh proves them in CI).
 *
 * <ul>
 * <li>Output and values are compared byte for byte (values by PHP type and json_encode form).</li>
 * <li>A Twig {@code syntax_error} (PERSCOM then keeps the raw string) must be our {@link TwigSyntaxError} at compile
 * time; an EL syntax error our {@link ExpressionSyntaxError} with Symfony's exact message.</li>
 * <li>A runtime {@code error} must be our {@link PhpError}; its wording is reported, not failed.</li>
 * <li>Where PERSCOM's newer versions differ from Debian's, the case says so and wins: {@code twig3_24},
 * {@code php8_4}, {@code el8}; {@code deviation: dot-on-array} expects what PHP gives for the same expression with brackets;
 * {@code deviation: contains-call} (PERSCOM's documented {@code contains(a, b)}, a syntax error in Symfony EL 6.1+)
 * expects {@code ours}, the function's result.</li>
 * </ul>
 */
class PhpParityTest {

    private static final Map<String, JsonNode> TEMPLATE_RESULTS = ParityFiles.expectedById("expected-templates.json");
    private static final Map<String, JsonNode> CONDITION_RESULTS = ParityFiles.expectedById("expected-conditions.json");
    private static final ParityScore TEMPLATE_SCORE = new ParityScore("Twig templates");
    private static final ParityScore CONDITION_SCORE = new ParityScore("ExpressionLanguage conditions");

    /** Where PERSCOM's Twig 3.24 / PHP 8.4 give another result than Debian's Twig 3.5.1 / PHP 8.2 (see the README). */
    private static final List<String> OVERRIDES = List.of("twig3_24", "php8_4");

    private static final TwigEngine TWIG = new TwigEngine(TwigOptions.defaults());
    private static final ExpressionLanguage EXPRESSIONS = new ExpressionLanguage(PerscomFunctions.all());

    @AfterAll
    static void printScores() {
        System.out.println(TEMPLATE_SCORE.summary());
        System.out.println(CONDITION_SCORE.summary());
    }

    @TestFactory
    Stream<DynamicNode> templates() {
        return byCategory("templates.json", TEMPLATE_SCORE, PhpParityTest::templateCase);
    }

    @TestFactory
    Stream<DynamicNode> conditions() {
        return byCategory("conditions.json", CONDITION_SCORE, PhpParityTest::conditionCase);
    }

    private static void templateCase(JsonNode testCase) throws Exception {
        String id = testCase.get("id").asText();
        String source = testCase.get("template").asText();
        JsonNode phpResult = resultOf(TEMPLATE_RESULTS, id);
        String override = OVERRIDES.stream().filter(testCase::has).findFirst().orElse(null);
        JsonNode expected = override == null ? phpResult : testCase.get(override);
        Map<String, Object> context = ParityContext.of(testCase.get("context"));
        String where = "template " + source;
        switch (expected.get("kind").asText()) {
            case "output" -> assertEquals(expected.get("output").asText(),
                    TWIG.compile(source).render(context, new Budget()), where);
            case "syntax_error" -> {
                TwigSyntaxError error = assertThrows(TwigSyntaxError.class, () -> TWIG.compile(source), where);
                if (override == null) {
                    TEMPLATE_SCORE.compareMessage(id, List.of(phpResult.get("message").asText()), error.rawMessage());
                }
            }
            case "error" -> {
                var template = TWIG.compile(source);
                PhpError error = assertThrows(PhpError.class, () -> template.render(context, new Budget()), where);
                if (override == null) {
                    TEMPLATE_SCORE.compareMessage(id, phpMessages(phpResult), error.getMessage());
                }
            }
            default -> fail("unknown result kind " + expected);
        }
    }

    private static void conditionCase(JsonNode testCase) throws Exception {
        String id = testCase.get("id").asText();
        String source = testCase.get("expression").asText();
        JsonNode entry = CONDITION_RESULTS.get(id);
        assertNotNull(entry, "no PHP result for " + id + ": run tools/parity/oracle.php");
        JsonNode expected = testCase.has("ours") ? testCase.get("ours")
                : testCase.has("el8") ? testCase.get("el8")
                : entry.has("documented") ? entry.get("documented") : entry.get("result");
        Map<String, Object> variables = ParityContext.of(testCase.get("context"));
        String where = "expression " + source;
        switch (expected.get("kind").asText()) {
            case "value" -> {
                Object value = EXPRESSIONS.parse(source, variables.keySet()).evaluate(variables, new Budget());
                assertEquals(expected.get("type").asText() + " " + expected.get("json").asText(),
                        phpType(value) + " " + Json.encode(value, 0), where);
            }
            case "syntax_error" -> {
                ExpressionSyntaxError error = assertThrows(ExpressionSyntaxError.class,
                        () -> EXPRESSIONS.parse(source, variables.keySet()), where);
                assertEquals(expected.get("message").asText(), error.getMessage(), where);
            }
            case "error" -> {
                ParsedExpression parsed = EXPRESSIONS.parse(source, variables.keySet());
                PhpError error = assertThrows(PhpError.class, () -> parsed.evaluate(variables, new Budget()), where);
                CONDITION_SCORE.compareMessage(id, phpMessages(expected), error.getMessage());
            }
            default -> fail("unknown result kind " + expected);
        }
    }

    /** PHP's message, and the wrapped cause's for Twig's "An exception has been thrown during the rendering". */
    private static List<String> phpMessages(JsonNode result) {
        return result.has("cause")
                ? List.of(result.get("message").asText(), result.get("cause").get("message").asText())
                : List.of(result.get("message").asText());
    }

    /** The type name tools/parity/lib/Results.php records (get_debug_type, dates as "date"). */
    private static String phpType(Object value) {
        return switch (value) {
            case null -> "null";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case String s -> "string";
            case PhpArray a -> "array";
            case PhpDate d -> "date";
            default -> value.getClass().getName();
        };
    }

    private static JsonNode resultOf(Map<String, JsonNode> results, String id) {
        JsonNode entry = results.get(id);
        assertNotNull(entry, "no PHP result for " + id + ": run tools/parity/oracle.php");
        return entry.get("result");
    }

    private interface CaseCheck {
        void check(JsonNode testCase) throws Exception;
    }

    /** One container per category (the id's first word), one dynamic test per case, each scored. */
    private static Stream<DynamicNode> byCategory(String corpus, ParityScore score, CaseCheck check) {
        Map<String, List<DynamicTest>> categories = new LinkedHashMap<>();
        StreamSupport.stream(ParityFiles.read(corpus).spliterator(), false).forEach(testCase -> {
            String id = testCase.get("id").asText();
            Executable scored = () -> {
                try {
                    check.check(testCase);
                    score.record(id, null);
                } catch (Throwable failure) {
                    score.record(id, failure);
                    throw failure;
                }
            };
            categories.computeIfAbsent(ParityScore.category(id), key -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(id, scored));
        });
        return categories.entrySet().stream()
                .map(entry -> DynamicContainer.dynamicContainer(entry.getKey(), entry.getValue().stream()));
    }
}

package io.perscom.webhooks.automation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionEngineTest {

    private final ExpressionEngine engine = new ExpressionEngine(65536);

    private static Map<String, Object> context() {
        Map<String, Object> model = new HashMap<>();
        model.put("id", 42);
        model.put("name", "Jane Doe");
        model.put("status", "active");
        model.put("rank_id", 7);
        model.put("discord_user_id", null);
        model.put("email", "jane@unit.example");
        model.put("tags", List.of("pilot", "medic"));
        Map<String, Object> context = new HashMap<>();
        context.put("model", model);
        context.put("model_type", "user");
        context.put("model_id", 42);
        context.put("changes", Map.of("rank_id", Map.of("old", 6, "new", 7)));
        context.put("causer", Map.of("id", 1, "name", "Admin"));
        context.put("causer_id", 1);
        context.put("now", "2026-01-14T12:00:00Z");
        return context;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "model[\"status\"] == \"active\" and changed(\"rank_id\")#true",
            "not blank(model[\"discord_user_id\"])#false",
            "blank(model[\"discord_user_id\"])#true",
            "filled(model[\"name\"])#true",
            "changed(\"name\")#false",
            "old_value(\"rank_id\") == 6 and new_value(\"rank_id\") == 7#true",
            "new_value(\"rank_id\") > old_value(\"rank_id\")#true",
            "in_array(\"medic\", model[\"tags\"])#true",
            "in_array(\"cook\", model[\"tags\"])#false",
            "contains(model[\"email\"], \"@unit\")#true",
            "contains(model[\"tags\"], \"pilot\")#true",
            "starts_with(model[\"name\"], \"Jane\")#true",
            "ends_with(model[\"email\"], \".org\")#false",
            "model[\"rank_id\"] in [5, 6, 7]#true",
            "model[\"rank_id\"] not in [5, 6, 7]#false",
            "model[\"email\"] matches \"/^JANE@/i\"#true",
            "model[\"name\"] starts with \"Jane\" or model_type == \"rank\"#true",
            "model.status == \"active\" && model_id == 42#true",
            "causer_id == 1 and causer[\"name\"] == \"Admin\"#true",
            "model_type ~ \".\" ~ model_id == \"user.42\"#true",
            "!(model[\"status\"] == \"active\") || model[\"rank_id\"] < 3#false",
            "model[\"status\"] != \"active\" ? false : true#true",
    })
    void perscomConditions(String condition, boolean expected) throws ExpressionError {
        assertEquals(expected, engine.condition(condition, context()), condition);
    }

    @Test
    void blankConditionsAreTrue() throws ExpressionError {
        assertTrue(engine.condition("", context()));
        assertTrue(engine.condition(null, context()));
    }

    @Test
    void templatesRenderWithoutHtmlEscapingAndKeepTypes() throws ExpressionError {
        assertEquals("Promoted: Jane Doe <rank 7> & co", engine.render(
                "Promoted: {{ model.name }} <rank {{ model[\"rank_id\"] }}> & co", context()));
        assertEquals(42, engine.render("{{ model.id }}", context()));
        assertEquals(true, engine.render("{{ changed(\"rank_id\") }}", context()));
        assertEquals(List.of("pilot", "medic"), engine.render(" {{ model.tags }} ", context()));
        assertEquals(Map.of("id", 1, "name", "Admin"), engine.render("{{ causer }}", context()));
        assertNull(engine.render("{{ model.discord_user_id }}", context()));
        assertEquals("JANE DOE", engine.render("{{ model.name | upper }}", context()));
        assertEquals("7 was 6", engine.render("{{ new_value('rank_id') }} was {{ old_value('rank_id') }}",
                context()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "model[\"status\"] ==",
            "model[\"status\"] == \"active\" and (",
            "unknown_function(1)",
            "range(0, 100000000)",
            "model.name.toUpperCase() == \"X\"",
    })
    void syntaxErrorsAreReported(String condition) {
        ExpressionError error = assertThrows(ExpressionError.class, () -> engine.checkCondition(condition));
        assertFalse(error.getMessage().isBlank());
    }

    @Test
    void syntaxErrorsNameTheLine() {
        ExpressionError error = assertThrows(ExpressionError.class,
                () -> engine.checkTemplate("fine {{ model.name }}\nbroken {{ model.name ==  }}"));
        assertEquals(2, error.line());
    }

    @Test
    void noClassOrMethodAccess() {
        Map<String, Object> context = context();
        assertThrows(ExpressionError.class, () -> engine.render("{{ model.getClass() }}", context));
        assertThrows(ExpressionError.class, () -> engine.render(
                "{{ model.name.getClass().forName(\"java.lang.Runtime\") }}", context));
        assertThrows(ExpressionError.class, () -> engine.condition("model.name.isEmpty()", context));
        Object viaAttribute = assertDoesNotThrowValue(() -> engine.render("{{ model.name.class }}", context));
        assertTrue(viaAttribute == null || "".equals(viaAttribute), "no class object reachable: " + viaAttribute);
    }

    @Test
    void noLoopsOrHugeValues() {
        assertThrows(ExpressionError.class,
                () -> engine.checkTemplate("{% for i in range(0, 100000000) %}x{% endfor %}"));
        assertThrows(ExpressionError.class, () -> engine.checkTemplate("{{ range(0, 100000000) }}"));
        ExpressionEngine small = new ExpressionEngine(100);
        Map<String, Object> context = context();
        ((Map<String, Object>) context.get("model")).put("name", "x".repeat(1000));
        assertThrows(ExpressionError.class, () -> small.render("{{ model.name }}{{ model.name }}", context));
    }

    @Test
    void regexesStopAtTheirDeadline() {
        CharSequence expired = new Deadline("a".repeat(10_000), System.nanoTime() - 1);
        assertThrows(IllegalStateException.class,
                () -> java.util.regex.Pattern.compile("(a|b)+c").matcher(expired).find());
        CharSequence open = new Deadline("aaab", System.nanoTime() + 1_000_000_000L);
        assertTrue(java.util.regex.Pattern.compile("a+b").matcher(open).find());
    }

    private interface ValueCall {
        Object call() throws ExpressionError;
    }

    private static Object assertDoesNotThrowValue(ValueCall call) {
        try {
            return call.call();
        } catch (ExpressionError e) {
            return null;
        }
    }
}

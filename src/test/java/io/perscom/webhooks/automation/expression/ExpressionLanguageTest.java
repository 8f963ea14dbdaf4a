package io.perscom.webhooks.automation.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.PhpArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API the automation runner uses; the language itself is checked against PHP in ExpressionOracleParityTest. */
class ExpressionLanguageTest {

    private final ExpressionLanguage language = new ExpressionLanguage(PerscomFunctions.all());

    @Test
    void parsesAreCachedBySourceAndNames() throws ExpressionSyntaxError {
        ParsedExpression first = language.parse("model_id > 1", List.of("model_id", "model"));
        assertSame(first, language.parse("model_id > 1", List.of("model", "model_id")));
        assertNotSame(first, language.parse("model_id > 1", List.of("model_id")));
    }

    @Test
    void namesAreCheckedAtParseTimeLikeSymfonysParseWithNames() {
        ExpressionSyntaxError error = assertThrows(ExpressionSyntaxError.class,
                () -> language.parse("model_type == \"x\" and user.id == 1", PerscomFunctions.VARIABLES));
        assertEquals("Variable \"user\" is not valid around position 23 for expression"
                + " `model_type == \"x\" and user.id == 1`. Did you mean \"causer\"?", error.getMessage());
        assertEquals(23, error.cursor());
    }

    @Test
    void unknownFunctionsAndTheUnregisteredStripCharactersAreSyntaxErrors() {
        ExpressionSyntaxError error = assertThrows(ExpressionSyntaxError.class,
                () -> language.parse("strip_characters(model[\"name\"])", PerscomFunctions.VARIABLES));
        assertEquals("The function \"strip_characters\" does not exist around position 1 for expression"
                + " `strip_characters(model[\"name\"])`.", error.getMessage());
    }

    @Test
    void functionsSeeAllTheVariables() throws ExpressionSyntaxError {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("changes", PhpArray.ofMap(Map.of("status", PhpArray.ofMap(Map.of("old", "a", "new", "b")))));
        ParsedExpression parsed = language.parse("changed(\"status\") and old_value(\"status\") ~ new_value(\"status\")"
                + " == \"ab\"", Set.of("changes"));
        assertEquals(true, parsed.evaluate(variables, new Budget()));
    }

    @Test
    void givenFunctionsReplaceBuiltInsOfTheSameName() throws ExpressionSyntaxError {
        ExpressionLanguage custom = new ExpressionLanguage(Map.of("min", (variables, args) -> "mine"));
        assertEquals("mine", custom.parse("min(1, 2)", List.of()).evaluate(Map.of(), new Budget()));
        assertEquals(2L, custom.parse("max(1, 2)", List.of()).evaluate(Map.of(), new Budget()));
    }

    @Test
    void theNestingBoundIsConfigurable() throws ExpressionSyntaxError {
        ExpressionLanguage strict = new ExpressionLanguage(Map.of(), 5);
        assertEquals(1L, strict.parse("((1))", List.of()).evaluate(Map.of(), new Budget()));
        ExpressionSyntaxError error = assertThrows(ExpressionSyntaxError.class,
                () -> strict.parse("((((((1))))))", List.of()));
        assertEquals("Expression is nested too deeply, the maximum nesting level is 5 around position 6 for"
                + " expression `((((((1))))))`.", error.getMessage());
    }

    @Test
    void blankAndFilledFollowLaravel() {
        // Laravel's blank(): null, whitespace-only strings and empty arrays are blank; numbers and booleans never
        assertEquals(true, PerscomFunctions.blank(null));
        assertEquals(true, PerscomFunctions.blank(" \t\n"));
        assertEquals(true, PerscomFunctions.blank(new PhpArray()));
        assertEquals(false, PerscomFunctions.blank(0L));
        assertEquals(false, PerscomFunctions.blank(0.0));
        assertEquals(false, PerscomFunctions.blank(false));
        assertEquals(false, PerscomFunctions.blank("0"));
        assertEquals(false, PerscomFunctions.blank(PhpArray.list(List.of(""))));
    }
}

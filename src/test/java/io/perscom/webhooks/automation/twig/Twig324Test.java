package io.perscom.webhooks.automation.twig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perscom.webhooks.automation.php.PhpError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behaviour where PERSCOM's Twig 3.24 differs from the 3.5 oracle, checked against 3.24's source
 * (Twig\Extension\CoreExtension and the expression parsers registered in getExpressionParsers()).
 */
class Twig324Test {
    private final TwigEngine engine = new TwigEngine();

    private String render(String template, Map<String, Object> context) throws TwigSyntaxError {
        return engine.compile(template).render(context, ParityCases.relaxedBudget());
    }

    private String render(String template) throws TwigSyntaxError {
        return render(template, Map.of());
    }

    @Test
    void xorAndStrictComparisonOperators() throws TwigSyntaxError {
        assertEquals("yn", render("{{ true xor false ? 'y' : 'n' }}{{ true xor true ? 'y' : 'n' }}"));
        assertEquals("yny", render("{{ 1 === 1 ? 'y' : 'n' }}{{ 1 === '1' ? 'y' : 'n' }}{{ 1 !== '1' ? 'y' : 'n' }}"));
    }

    @Test
    void parenthesesAroundANegativeBaseAreKept() throws TwigSyntaxError {
        // 3.15 "Fix power expressions with a negative number in parenthesis"; 3.5 printed -4 for both
        assertEquals("4 -4", render("{{ (-2) ** 2 }} {{ -2 ** 2 }}"));
    }

    @Test
    void findFilterAndVariadicMerge() throws TwigSyntaxError {
        assertEquals("2|none", render("{{ [1, 2, 3]|find(v => v > 1) }}|{{ [1]|find(v => v > 5) is null ? 'none' }}"));
        assertEquals("123", render("{{ [1]|merge([2], [3])|join }}"));
    }

    @Test
    void sequenceAndMappingTests() throws TwigSyntaxError {
        assertEquals("yyn", render("{{ [1, 2] is sequence ? 'y' : 'n' }}{{ {a: 1} is mapping ? 'y' : 'n' }}"
                + "{{ {a: 1} is sequence ? 'y' : 'n' }}"));
    }

    @Test
    void arrowFunctionsAreAllowedEverywhere() throws TwigSyntaxError {
        assertEquals("6", render("{% set double = x => x * 2 %}{{ double|invoke(3) }}"));
        // the arrow sees the variables as they were when it was created (PHP closures capture by value)
        assertEquals("2", render("{% set n = 2 %}{% set times = x => x * n %}{% set n = 10 %}{{ times|invoke(1) }}"));
    }

    @Test
    void spacelessNoLongerPreEscapesAndTrimKeepsMarkup() throws TwigSyntaxError {
        assertEquals("<p><b>a</b></p>", render("{{ x|spaceless }}", Map.of("x", "<p> <b>a</b> </p>")));
        assertEquals("<b>", render("{% set x %} <b> {% endset %}{{ x|trim }}"));
        assertEquals("&lt;b&gt;", render("{% set x %} <b> {% endset %}{{ x|trim(' ') }}"));
    }

    @Test
    void invalidRegexInMatchesIsAnError() throws TwigSyntaxError {
        // a constant pattern is checked at compile time (3.12+), a computed one when it is used
        TwigSyntaxError syntax = assertThrows(TwigSyntaxError.class, () -> engine.compile("{{ 'a' matches '/(/' }}"));
        assertTrue(syntax.rawMessage().startsWith("Regexp \"/(/\" passed to \"matches\" is not valid: "),
                syntax.getMessage());
        TwigTemplate t = engine.compile("{{ 'a' matches p }}");
        PhpError e = assertThrows(PhpError.class, () -> t.render(Map.of("p", "/(/"), ParityCases.relaxedBudget()));
        assertTrue(e.getMessage().startsWith("Regexp \"/(/\" passed to \"matches\" is not valid: "), e.getMessage());
    }

    @Test
    void spreadInArraysAndHashes() throws TwigSyntaxError {
        assertEquals("a,b,c {\"x\":1,\"y\":3}", render("{{ [...['a', 'b'], 'c']|join(',') }} "
                + "{{ {...{x: 1, y: 2}, y: 3}|json_encode|raw }}"));
    }

    @Test
    void missingRequiredArgumentIsACompileError() {
        TwigSyntaxError e = assertThrows(TwigSyntaxError.class, () -> engine.compile("{{ 'a,b'|split|join }}"));
        assertEquals("Value for argument \"delimiter\" is required for filter \"split\".", e.rawMessage());
    }

    @Test
    void typesTagDeclaresNothingAtRunTime() throws TwigSyntaxError {
        assertEquals("ok", render("{% types {name: 'string', age?: 'int',} %}ok"));
    }

    @Test
    void enumFunctionsAreRefused() {
        TwigSyntaxError e = assertThrows(TwigSyntaxError.class, () -> engine.compile("{{ enum('X') }}"));
        assertTrue(e.getMessage().contains("not supported in automation templates"), e.getMessage());
    }
}

package io.perscom.webhooks.automation.twig;

import static org.junit.jupiter.api.Assertions.fail;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.LimitExceeded;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tenant templates are arbitrary text: whatever they contain, compiling and rendering ends in output, a
 * TwigSyntaxError, a PhpError or a LimitExceeded, never another exception (a bug would surface as a 500).
 */
class TwigRobustnessTest {
    private static final String[] PIECES = {"{{", "}}", "{%", "%}", "{#", "#}", "-", "~", "if", "endif", "for", "endfor",
        "in", "set", "=", "x", "model", ".", "name", "[", "]", "(", ")", "{", "}", ":", ",", "|", "upper", "join", "map",
        "filter", "reduce", "sort", "date", "default", "e", "raw", "'a'", "\"b#{x}\"", "1", "2.5", "+", "*", "/", "//",
        "%", "**", "..", "?", "??", "?:", "is", "not", "defined", "empty", "and", "or", "=>", "v", "k", "apply",
        "endapply", "with", "endwith", "autoescape", "endautoescape", "else", "elseif", "loop", "index", "...",
        "matches", "'/a+/'", "starts with", "b-and", "null", "true", "[]", "{}", "range", "slice", "split", "','",
        "|length", "|first", "|keys", "attribute", "max", "cycle", "round", "number_format", "format", "'%s'",
        "json_encode", "batch", "column", "merge", "reverse", "trim", "title", "now", "\n", " "};

    @Test
    void randomTemplatesFailOnlyWithTheDocumentedExceptions() {
        Random random = new Random(20261128);
        TwigEngine engine = new TwigEngine();
        PhpArray model = new PhpArray();
        model.put("name", "Jo");
        model.put("tags", PhpArray.of("a", "b"));
        model.put("n", 3L);
        Map<String, Object> context = Map.of("model", model, "x", "<i>",
                "now", PhpDate.of(Instant.parse("2024-01-02T03:04:05Z"), ZoneId.of("UTC")));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder template = new StringBuilder(random.nextBoolean() ? "{{ " : "");
            for (int n = 1 + random.nextInt(25); n > 0; n--) {
                template.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            template.append(random.nextBoolean() ? " }}" : "");
            try {
                engine.compile(template.toString())
                        .render(context, new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofSeconds(30))));
            } catch (TwigSyntaxError | PhpError | LimitExceeded expected) {
                // a documented outcome
            } catch (RuntimeException | StackOverflowError e) {
                fail("template " + template + " threw " + e, e);
            }
        }
    }
}

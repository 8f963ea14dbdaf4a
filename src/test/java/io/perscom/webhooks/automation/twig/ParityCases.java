package io.perscom.webhooks.automation.twig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.php.PhpDate;
import io.perscom.webhooks.automation.php.PhpError;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the cases of src/test/resources/twig/AREA-cases.json and compares with AREA-expected.json, the output of PHP
 * Twig 3.5.1 for the same cases (tools/parity/render.php; regenerate with tools/parity/update-expected.sh).
 * A case may say {@code "refused": true} (we reject on purpose what Twig would run) or {@code "messageDiffers": true}
 * (both fail, with different wording; the value says why, e.g. "Twig 3.24 wording").
 */
final class ParityCases {
    static final String WIDGET_URL = "https://widget.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TwigEngine ENGINE = new TwigEngine(TwigOptions.defaults().withWidgetUrl(WIDGET_URL));

    private ParityCases() {}

    static Stream<DynamicTest> run(String area) {
        JsonNode cases = read(area + "-cases.json");
        JsonNode expected = read(area + "-expected.json");
        assertEquals(cases.size(), expected.size(), "expected file out of date for " + area);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            JsonNode e = expected.get(i);
            assertEquals(c.get("name").asText(), e.get("name").asText());
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c, e)));
        }
        return tests.stream();
    }

    static Map<String, Object> context(JsonNode c) {
        Map<String, Object> context = new LinkedHashMap<>();
        PhpArray values = (PhpArray) Json.fromJson(c.get("context"));
        for (Map.Entry<Object, Object> entry : values.entries()) {
            context.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        if (c.has("dates")) {
            c.get("dates").properties().forEach(d ->
                    context.put(d.getKey(), PhpDate.parse(d.getValue().asText(), ZoneId.of("UTC"))));
        }
        return context;
    }

    private static void check(JsonNode c, JsonNode e) {
        String template = c.get("template").asText();
        boolean refused = c.has("refused");
        boolean messageDiffers = c.has("messageDiffers");
        String got;
        String kind = null;
        try {
            got = ENGINE.compile(template).render(context(c), relaxedBudget());
        } catch (TwigSyntaxError ex) {
            got = ex.rawMessage();
            kind = "syntax";
        } catch (PhpError ex) {
            got = ex.getMessage();
            kind = "runtime";
        }
        if (refused) {
            assertTrue(got.contains("not supported in automation templates") || got.contains("must be a Closure"),
                    "expected a refusal, got [" + kind + "] " + got);
            return;
        }
        if (e.has("output")) {
            if (kind != null) {
                fail(template + "\nexpected output: " + e.get("output").asText() + "\ngot " + kind + " error: " + got);
            }
            assertEquals(e.get("output").asText(), got, template);
            return;
        }
        String wantKind = e.get("kind").asText();
        assertEquals(wantKind, kind, template + "\nexpected " + wantKind + " error: " + e.get("error").asText()
                + "\ngot: " + got);
        if (!messageDiffers) {
            String want = e.get("error").asText();
            int calledIn = want.indexOf(", called in ");
            assertEquals(calledIn >= 0 ? want.substring(0, calledIn) : want, got, template);
        }
    }

    /** Default limits, but time enough for a cold JVM on a busy machine (the bounds have their own test). */
    static Budget relaxedBudget() {
        return new Budget(Budget.Limits.defaults().withTimeLimit(Duration.ofSeconds(30)));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ParityCases.class.getResourceAsStream("/twig/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /twig/" + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

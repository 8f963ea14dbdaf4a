package io.perscom.webhooks.automation;

import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.automation.php.Budget;
import io.perscom.webhooks.automation.php.Json;
import io.perscom.webhooks.automation.php.PhpArray;
import io.perscom.webhooks.automation.twig.TwigEngine;
import io.perscom.webhooks.automation.twig.TwigSyntaxError;
import io.perscom.webhooks.automation.twig.TwigTemplate;

/**
 * A payload template rendered as PERSCOM renders it: the JSON is decoded the way PHP's {@code json_decode($t, true)}
 * does, walked recursively, and every string value that contains {@code {{} is replaced by its rendering; every
 * other value passes through. The result is encoded back as {@code json_encode} would (an empty object becomes
 * {@code []}, as in PERSCOM).
 */
public final class PayloadTemplate {

    /** Where a template string sits in the template, for error messages: {@code webhook_payload_template.embed[0]}. */
    record TemplateString(String path, String source) {
    }

    private PayloadTemplate() {
    }

    /** Null, JSON null or {} means "send the model itself" (PERSCOM's {@code blank($template)}). */
    public static boolean isBlank(JsonNode template) {
        return template == null || template.isNull() || (template.isObject() && template.isEmpty());
    }

    static JsonNode render(JsonNode template, RenderMode mode, TwigEngine engine, Map<String, Object> variables,
            Budget budget) {
        return Json.toJsonNode(render(Json.fromJson(template), mode, engine, variables, budget));
    }

    /** Calls back for every string that would be rendered. */
    static void forEachString(JsonNode node, String path, Consumer<TemplateString> visitor) {
        if (node.isTextual() && node.textValue().contains("{{")) {
            visitor.accept(new TemplateString(path, node.textValue()));
        } else if (node.isObject()) {
            node.properties().forEach(field -> forEachString(field.getValue(), path + "." + field.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachString(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    private static Object render(Object value, RenderMode mode, TwigEngine engine, Map<String, Object> variables,
            Budget budget) {
        budget.tick();
        if (value instanceof PhpArray array) {
            PhpArray out = new PhpArray();
            for (Map.Entry<Object, Object> entry : array.entries()) {
                out.put(entry.getKey(), render(entry.getValue(), mode, engine, variables, budget));
            }
            return out;
        }
        if (value instanceof String source && source.contains("{{")) {
            return renderString(source, mode, engine, variables, budget);
        }
        return value;
    }

    private static Object renderString(String source, RenderMode mode, TwigEngine engine,
            Map<String, Object> variables, Budget budget) {
        TwigTemplate template;
        try {
            template = engine.compile(source);
        } catch (TwigSyntaxError e) {
            // PERSCOM keeps a string whose template does not compile; saving refuses such strings anyway.
            return source;
        }
        if (mode == RenderMode.TYPED && template.isSingleExpression()) {
            return template.evaluateSingleExpression(variables, budget).orElse(null);
        }
        return template.render(variables, budget);
    }
}

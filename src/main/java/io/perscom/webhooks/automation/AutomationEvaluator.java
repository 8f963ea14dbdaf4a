package io.perscom.webhooks.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.perscom.webhooks.api.FieldError;
import io.perscom.webhooks.automation.engine.ExpressionEngine;
import io.perscom.webhooks.automation.engine.ExpressionError;

/**
 * Checks and runs an automation's condition and payload template: every string value of the JSON template that
 * contains {@code {{} is rendered with the event's context; other values pass through unchanged.
 */
@ApplicationScoped
public class AutomationEvaluator {

    /** The result of evaluating one automation against one event. */
    public record Evaluation(Boolean conditionResult, ObjectNode payload, String error, long elapsedMs) {

        public String status() {
            if (error != null) {
                return "failed";
            }
            return Boolean.TRUE.equals(conditionResult) ? "executed" : "condition_failed";
        }
    }

    private final ExpressionEngine engine;
    private final ObjectMapper mapper;
    private final java.time.Duration timeout;

    public AutomationEvaluator(AutomationConfig config, ObjectMapper mapper) {
        this.engine = new ExpressionEngine(config.maxRenderedChars());
        this.mapper = mapper;
        this.timeout = config.evaluationTimeout();
    }

    /** Evaluates on a worker thread, never on the event loop, and gives up after the configured time. */
    public io.smallrye.mutiny.Uni<Evaluation> evaluateBounded(String condition, JsonNode template,
            JsonNode context) {
        return io.smallrye.mutiny.Uni.createFrom().item(() -> evaluate(condition, template, context))
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(timeout)
                .recoverWithItem(() -> new Evaluation(null, null, "evaluation took longer than "
                        + timeout.toMillis() + " ms", timeout.toMillis()));
    }

    /** Field errors for a condition and template that do not compile (empty when both are fine). */
    public List<FieldError> check(String condition, JsonNode template) {
        List<FieldError> errors = new ArrayList<>();
        try {
            engine.checkCondition(condition);
        } catch (ExpressionError e) {
            errors.add(new FieldError("condition", e.describe()));
        }
        if (template != null) {
            checkStrings(template, "webhook_payload_template", errors);
        }
        return errors;
    }

    public Evaluation evaluate(String condition, JsonNode template, JsonNode context) {
        long started = System.nanoTime();
        Map<String, Object> variables = AutomationContext.variables(mapper, context);
        Boolean holds = null;
        try {
            holds = engine.condition(condition, variables);
            ObjectNode payload = holds ? (ObjectNode) render(template, variables) : null;
            return new Evaluation(holds, payload, null, elapsed(started));
        } catch (ExpressionError e) {
            return new Evaluation(holds, null, (holds == null ? "condition: " : "template: ") + e.describe(),
                    elapsed(started));
        }
    }

    private JsonNode render(JsonNode node, Map<String, Object> variables) throws ExpressionError {
        if (node.isTextual() && node.textValue().contains("{{")) {
            return mapper.valueToTree(engine.render(node.textValue(), variables));
        }
        if (node.isObject()) {
            ObjectNode out = mapper.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.set(field.getKey(), render(field.getValue(), variables));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            for (JsonNode item : node) {
                out.add(render(item, variables));
            }
            return out;
        }
        return node;
    }

    private void checkStrings(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual() && node.textValue().contains("{{")) {
            try {
                engine.checkTemplate(node.textValue());
            } catch (ExpressionError e) {
                errors.add(new FieldError(path, e.describe()));
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> checkStrings(field.getValue(), path + "." + field.getKey(), errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

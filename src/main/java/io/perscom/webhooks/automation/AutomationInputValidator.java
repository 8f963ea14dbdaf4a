package io.perscom.webhooks.automation;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.eventtype.EventCatalog;

/**
 * Checks an automation: fields, trigger, and that the condition and template compile (422 with the line and the
 * parser's message). {@link #complete} fills defaults for create/replace; {@link #partial} checks PATCH fields.
 */
@ApplicationScoped
public class AutomationInputValidator {

    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PRIORITY = 1_000_000;
    static final int MAX_CONDITION = 2000;

    private final AutomationEvaluator evaluator;
    private final int maxTemplateBytes;

    public AutomationInputValidator(AutomationEvaluator evaluator, AutomationConfig config) {
        this.evaluator = evaluator;
        this.maxTemplateBytes = config.maxTemplateBytes();
    }

    AutomationInput complete(AutomationInput input) {
        AutomationInput in = input == null
                ? new AutomationInput(null, null, null, null, null, null, null, null, null)
                : input;
        Validation validation = new Validation();
        require(validation, "name", in.name());
        require(validation, "trigger", in.trigger());
        require(validation, "webhook_id", in.webhookId());
        check(in, validation);
        return new AutomationInput(in.name().trim(), in.description(), in.trigger(), in.condition(), in.webhookId(),
                in.webhookPayloadTemplate(),
                in.renderMode() == null ? RenderMode.PERSCOM.column() : in.renderMode(),
                in.enabled() == null ? Boolean.TRUE : in.enabled(), in.priority() == null ? 0 : in.priority());
    }

    AutomationInput partial(AutomationInput input) {
        if (input == null) {
            throw io.perscom.webhooks.api.ApiException.invalid("body", "must be a JSON object");
        }
        check(input, new Validation());
        return input;
    }

    /** Checks a condition and template only (preview of an unsaved automation). */
    void checkExpressions(AutomationInput automation) {
        Validation validation = new Validation();
        require(validation, "trigger", automation.trigger());
        check(new AutomationInput("preview", null, automation.trigger(), automation.condition(), null,
                automation.webhookPayloadTemplate(), automation.renderMode(), null, null), validation);
    }

    private void check(AutomationInput in, Validation validation) {
        if (in.name() != null && in.name().isBlank()) {
            validation.reject("name", "must not be blank");
        }
        validation.maxLength("name", in.name(), MAX_NAME);
        validation.maxLength("description", in.description(), MAX_DESCRIPTION);
        validation.maxLength("condition", in.condition(), MAX_CONDITION);
        if (in.renderMode() != null && RenderMode.of(in.renderMode()) == null) {
            validation.reject("render_mode", "must be perscom or typed");
        }
        if (in.trigger() != null && (!EventCatalog.exists(in.trigger())
                || EventCatalog.TEST_EVENT.equals(in.trigger()))) {
            validation.reject("trigger", "must be one of the 33 PERSCOM event types (not webhook.test)");
        }
        if (in.priority() != null && Math.abs(in.priority()) > MAX_PRIORITY) {
            validation.reject("priority", "must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY);
        }
        var template = PayloadTemplate.isBlank(in.webhookPayloadTemplate()) ? null : in.webhookPayloadTemplate();
        if (template != null && !template.isObject()) {
            validation.reject("webhook_payload_template", "must be a JSON object");
        } else if (template != null
                && template.toString().getBytes(StandardCharsets.UTF_8).length > maxTemplateBytes) {
            validation.reject("webhook_payload_template", "must be at most " + maxTemplateBytes + " bytes");
        } else {
            evaluator.check(in.condition(), template).forEach(e -> validation.reject(e.field(), e.message()));
        }
        validation.throwIfInvalid();
    }

    private static void require(Validation validation, String field, Object value) {
        if (value == null) {
            validation.reject(field, "is required");
        }
    }
}

package io.perscom.webhooks.tenancy.importing;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.automation.Automation;
import io.perscom.webhooks.automation.AutomationInput;
import io.perscom.webhooks.automation.AutomationService;
import io.perscom.webhooks.automation.PayloadTemplate;
import io.perscom.webhooks.automation.RenderMode;
import io.perscom.webhooks.tenancy.importing.ImportKeys.Kind;
import io.smallrye.mutiny.Uni;

/**
 * Imports one PERSCOM automation row through {@link AutomationService} (the admin API's validation: trigger,
 * condition and template must compile). Its webhook is found by PERSCOM's {@code webhook_id} among the imported
 * webhooks. Only {@code webhook} automations move: messages and model updates act on PERSCOM's own data.
 */
@ApplicationScoped
public class AutomationImporter {

    static final String WEBHOOK_ACTION = "webhook";

    private final AutomationService service;
    private final ImportKeys keys;
    private final PerscomJson json;

    public AutomationImporter(AutomationService service, ImportKeys keys, PerscomJson json) {
        this.service = service;
        this.keys = keys;
        this.json = json;
    }

    Uni<RowResult> importRow(String tenantId, PerscomAutomationRow row, boolean dryRun) {
        long perscomId = row.id();
        if (row.actionType() != null && !WEBHOOK_ACTION.equals(row.actionType())) {
            return refuse(perscomId, "action_type", "is '" + row.actionType() + "': only webhook automations "
                    + "move to this service (messages and model updates act on PERSCOM's own data and stay there)");
        }
        if (row.webhookId() == null) {
            return refuse(perscomId, "webhook_id", "is required (PERSCOM empties it when the automation's "
                    + "webhook is deleted)");
        }
        return keys.find(tenantId, Kind.WEBHOOK, row.webhookId()).flatMap(webhookId -> {
            if (webhookId == null) {
                throw ApiException.invalid("webhook_id", "names PERSCOM webhook " + row.webhookId()
                        + ", which is not imported (absent from this and earlier imports, or refused)");
            }
            AutomationInput input = input(row, webhookId);
            return keys.find(tenantId, Kind.AUTOMATION, perscomId).flatMap(id -> id == null
                    ? create(tenantId, perscomId, input, dryRun)
                    : update(tenantId, perscomId, id, input));
        }).onFailure(ApiException.class).recoverWithItem(e -> RowResult.refused(perscomId, (ApiException) e));
    }

    private Uni<RowResult> create(String tenantId, long perscomId, AutomationInput input, boolean dryRun) {
        return service.create(tenantId, input)
                .call(view -> keys.remember(tenantId, Kind.AUTOMATION, perscomId, view.id()))
                .map(view -> RowResult.of(perscomId, RowResult.CREATED, dryRun ? null : view.id()));
    }

    private Uni<RowResult> update(String tenantId, long perscomId, UUID id, AutomationInput input) {
        return service.load(tenantId, id).flatMap(automation -> sameAs(automation, input)
                ? Uni.createFrom().item(RowResult.of(perscomId, RowResult.UNCHANGED, id))
                : service.replace(tenantId, id, input).map(view -> RowResult.of(perscomId, RowResult.UPDATED, id)));
    }

    private AutomationInput input(PerscomAutomationRow row, UUID webhookId) {
        // A blank template sends the record itself, here as in PERSCOM; templates render as PERSCOM renders them.
        JsonNode template = json.value("webhook_payload_template", row.webhookPayloadTemplate());
        return new AutomationInput(row.name(), row.description(), row.trigger(), row.condition(), webhookId,
                template == null ? NullNode.getInstance() : template, RenderMode.PERSCOM.column(),
                enabled(row.enabled()), row.priority());
    }

    /** PERSCOM's boolean column: true/false, or MySQL's 1/0; absent means its default, true. */
    private static Boolean enabled(JsonNode enabled) {
        if (enabled == null || enabled.isNull()) {
            return Boolean.TRUE;
        }
        if (enabled.isBoolean()) {
            return enabled.booleanValue();
        }
        if (enabled.isInt() && (enabled.intValue() == 0 || enabled.intValue() == 1)) {
            return enabled.intValue() == 1;
        }
        throw ApiException.invalid("enabled", "must be true, false, 1 or 0");
    }

    /** Whether the stored automation already has every column of the row (compared as the admin API saves). */
    private boolean sameAs(Automation automation, AutomationInput input) {
        return input.name() != null && automation.name.equals(input.name().trim())
                && Objects.equals(automation.description, blankToNull(input.description()))
                && automation.trigger.equals(input.trigger())
                && Objects.equals(automation.condition, blankToNull(input.condition()))
                && Objects.equals(automation.webhookId, input.webhookId())
                && RenderMode.PERSCOM.column().equals(automation.renderMode)
                && Objects.equals(service.template(automation), PayloadTemplate.isBlank(input.webhookPayloadTemplate())
                        ? null : input.webhookPayloadTemplate())
                && automation.enabled == input.enabled()
                && automation.priority == (input.priority() == null ? 0 : input.priority());
    }

    private static Uni<RowResult> refuse(long perscomId, String field, String message) {
        return Uni.createFrom().item(RowResult.refused(perscomId, field, message));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package io.perscom.webhooks.tenancy.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.egress.EgressGuard;
import io.perscom.webhooks.tenancy.importing.ImportKeys.Kind;
import io.perscom.webhooks.webhook.Webhook;
import io.perscom.webhooks.webhook.WebhookInput;
import io.perscom.webhooks.webhook.WebhookRepository;
import io.perscom.webhooks.webhook.WebhookService;
import io.smallrye.mutiny.Uni;

/**
 * Imports one PERSCOM webhook row through {@link WebhookService} (the admin API's validation and secret sealing),
 * keeping its secret. URLs deliveries would be refused to (private addresses, see {@link EgressGuard}) are refused
 * here rather than imported to fail later.
 */
@ApplicationScoped
public class WebhookImporter {

    private final WebhookService service;
    private final WebhookRepository repository;
    private final EgressGuard egress;
    private final ImportKeys keys;
    private final PerscomJson json;

    public WebhookImporter(WebhookService service, WebhookRepository repository, EgressGuard egress,
            ImportKeys keys, PerscomJson json) {
        this.service = service;
        this.repository = repository;
        this.egress = egress;
        this.keys = keys;
        this.json = json;
    }

    Uni<RowResult> importRow(String tenantId, PerscomWebhookRow row, boolean dryRun) {
        long perscomId = row.id();
        if (row.secret() == null) {
            return refuse(perscomId, "secret", "is required: PERSCOM signs with it, and receivers verify with it");
        }
        String refusal = row.url() == null ? null : egress.refusalWithoutDns(row.url().trim());
        if (refusal != null) {
            return refuse(perscomId, "url", "deliveries to this URL would be refused: " + refusal);
        }
        return Uni.createFrom().item(() -> input(row))
                .flatMap(input -> keys.find(tenantId, Kind.WEBHOOK, perscomId)
                        .flatMap(id -> id == null ? create(tenantId, perscomId, input, dryRun)
                                : update(tenantId, perscomId, id, input)))
                .onFailure(ApiException.class).recoverWithItem(e -> RowResult.refused(perscomId, (ApiException) e));
    }

    private Uni<RowResult> create(String tenantId, long perscomId, WebhookInput input, boolean dryRun) {
        return service.create(tenantId, input)
                .call(view -> keys.remember(tenantId, Kind.WEBHOOK, perscomId, view.id()))
                .map(view -> RowResult.of(perscomId, RowResult.CREATED, dryRun ? null : view.id()));
    }

    private Uni<RowResult> update(String tenantId, long perscomId, UUID id, WebhookInput input) {
        return repository.findForTenant(tenantId, id).flatMap(webhook -> {
            if (sameAs(webhook, input)) {
                return Uni.createFrom().item(RowResult.of(perscomId, RowResult.UNCHANGED, id));
            }
            // PERSCOM's columns only: a name or enabled flag set here is kept. An empty description clears it.
            WebhookInput change = new WebhookInput(null, input.description() == null ? "" : input.description(),
                    input.url(), input.method(), input.secret(), input.events(), null);
            return service.patch(tenantId, id, change).map(view -> RowResult.of(perscomId, RowResult.UPDATED, id));
        });
    }

    private WebhookInput input(PerscomWebhookRow row) {
        JsonNode events = json.value("events", row.events());
        List<String> names = new ArrayList<>();
        if (events != null && !events.isNull()) {
            if (!events.isArray()) {
                throw ApiException.invalid("events", "must be an array of event names (or its JSON text)");
            }
            events.forEach(event -> names.add(event.asText()));
        }
        return new WebhookInput(null, row.description(), row.url(), row.method(), row.secret(), names, null);
    }

    /** Whether the stored webhook already has every PERSCOM column of the row (compared as the admin API saves). */
    private boolean sameAs(Webhook webhook, WebhookInput input) {
        String description = input.description() == null || input.description().isBlank() ? null
                : input.description().trim();
        return input.url() != null && webhook.url.equals(input.url().trim())
                && Objects.equals(webhook.description, description)
                && input.method() != null && webhook.method.equals(input.method().trim().toLowerCase(Locale.ROOT))
                && new HashSet<>(List.of(webhook.events)).equals(new HashSet<>(input.events()))
                && service.decryptSecret(webhook).equals(input.secret());
    }

    private static Uni<RowResult> refuse(long perscomId, String field, String message) {
        return Uni.createFrom().item(RowResult.refused(perscomId, field, message));
    }
}

package io.perscom.webhooks.automation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.PageMeta;
import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.persistence.Timestamps;
import io.perscom.webhooks.webhook.WebhookRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Tenant-scoped automation management. */
@ApplicationScoped
public class AutomationService {

    private final AutomationRepository repository;
    private final WebhookRepository webhooks;
    private final AutomationInputValidator validator;
    private final ObjectMapper mapper;
    private final int maxPerTenant;

    public AutomationService(AutomationRepository repository, WebhookRepository webhooks,
            AutomationInputValidator validator, ObjectMapper mapper, AutomationConfig config) {
        this.repository = repository;
        this.webhooks = webhooks;
        this.validator = validator;
        this.mapper = mapper;
        this.maxPerTenant = config.maxPerTenant();
    }

    @WithTransaction
    public Uni<AutomationView> create(String tenantId, AutomationInput body) {
        AutomationInput input = validator.complete(body);
        Automation automation = new Automation();
        automation.id = Ids.newId();
        automation.tenantId = tenantId;
        automation.createdAt = Timestamps.now();
        apply(automation, input, true);
        return repository.count("tenantId", tenantId)
                .invoke(count -> {
                    if (count >= maxPerTenant) {
                        throw ApiException.invalid("body", "a tenant may have at most " + maxPerTenant
                                + " automations");
                    }
                })
                .call(() -> requireWebhook(tenantId, input.webhookId()))
                .flatMap(ok -> repository.persist(automation))
                .map(this::view);
    }

    @WithSession
    public Uni<PageResponse<AutomationView>> list(String tenantId, String trigger, PageRequest page) {
        return repository.list(tenantId, trigger, page).map(result -> new PageResponse<>(
                result.items().stream().map(this::view).toList(), PageMeta.of(page, result.total())));
    }

    @WithSession
    public Uni<AutomationView> get(String tenantId, UUID id) {
        return find(tenantId, id).map(this::view);
    }

    @WithTransaction
    public Uni<AutomationView> replace(String tenantId, UUID id, AutomationInput body) {
        return update(tenantId, id, validator.complete(body), true);
    }

    @WithTransaction
    public Uni<AutomationView> patch(String tenantId, UUID id, AutomationInput body) {
        return update(tenantId, id, validator.partial(body), false);
    }

    @WithTransaction
    public Uni<Void> delete(String tenantId, UUID id) {
        return find(tenantId, id).flatMap(repository::delete);
    }

    /** The stored automation, for preview. */
    @WithSession
    public Uni<Automation> load(String tenantId, UUID id) {
        return find(tenantId, id);
    }

    /** The stored template, or null when the automation sends the model itself. */
    public JsonNode template(Automation automation) {
        if (automation.webhookPayloadTemplate == null) {
            return null;
        }
        try {
            return mapper.readTree(automation.webhookPayloadTemplate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored template does not parse", e);
        }
    }

    private Uni<AutomationView> update(String tenantId, UUID id, AutomationInput input, boolean replace) {
        return find(tenantId, id)
                .call(automation -> input.webhookId() == null ? Uni.createFrom().voidItem()
                        : requireWebhook(tenantId, input.webhookId()))
                .map(automation -> {
                    apply(automation, input, replace);
                    return automation;
                })
                .call(repository::flush)
                .map(this::view);
    }

    private Uni<Void> requireWebhook(String tenantId, UUID webhookId) {
        return webhooks.findForTenant(tenantId, webhookId).invoke(webhook -> {
            if (webhook == null) {
                throw ApiException.invalid("webhook_id", "names no webhook of this tenant");
            }
        }).replaceWithVoid();
    }

    private Uni<Automation> find(String tenantId, UUID id) {
        return repository.findForTenant(tenantId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Automation " + id));
    }

    private static void apply(Automation automation, AutomationInput input, boolean replace) {
        if (input.name() != null) {
            automation.name = input.name().trim();
        }
        if (replace || input.description() != null) {
            automation.description = input.description() == null || input.description().isBlank() ? null
                    : input.description();
        }
        if (input.trigger() != null) {
            automation.trigger = input.trigger();
        }
        if (replace || input.condition() != null) {
            automation.condition = input.condition() == null || input.condition().isBlank() ? null
                    : input.condition();
        }
        if (input.webhookId() != null) {
            automation.webhookId = input.webhookId();
        }
        if (replace || input.webhookPayloadTemplate() != null) {
            automation.webhookPayloadTemplate = PayloadTemplate.isBlank(input.webhookPayloadTemplate()) ? null
                    : input.webhookPayloadTemplate().toString();
        }
        if (input.renderMode() != null) {
            automation.renderMode = input.renderMode();
        }
        if (input.enabled() != null) {
            automation.enabled = input.enabled();
        }
        if (input.priority() != null) {
            automation.priority = input.priority();
        }
        automation.updatedAt = Timestamps.now();
    }

    private AutomationView view(Automation a) {
        return new AutomationView(a.id, a.name, a.description, a.trigger, a.condition, a.webhookId, template(a),
                a.renderMode, a.enabled, a.priority, a.createdAt, a.updatedAt);
    }
}

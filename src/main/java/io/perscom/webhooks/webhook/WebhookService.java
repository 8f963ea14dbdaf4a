package io.perscom.webhooks.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.api.PageMeta;
import io.perscom.webhooks.api.PageRequest;
import io.perscom.webhooks.api.PageResponse;
import io.perscom.webhooks.api.Validation;
import io.perscom.webhooks.egress.EgressGuard;
import io.perscom.webhooks.persistence.Ids;
import io.perscom.webhooks.persistence.Timestamps;
import io.perscom.webhooks.secrets.EncryptedSecret;
import io.perscom.webhooks.secrets.SecretCipher;
import io.perscom.webhooks.secrets.SecretGenerator;
import io.perscom.webhooks.secrets.SecretsConfig;
import io.perscom.webhooks.tenancy.TenantLimits;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Tenant-scoped webhook management. Every method takes the caller's tenant; other tenants' rows are invisible. */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final WebhookRepository repository;
    private final SecretCipher cipher;
    private final SecretGenerator generator;
    private static final long MAX_OVERLAP = 7 * 24 * 3600;

    private final EgressGuard egress;
    private final java.time.Duration defaultOverlap;
    private final long maxWebhooks;

    public WebhookService(WebhookRepository repository, SecretCipher cipher, SecretGenerator generator,
            EgressGuard egress, SecretsConfig secrets, TenantLimits limits) {
        this.repository = repository;
        this.cipher = cipher;
        this.generator = generator;
        this.egress = egress;
        this.defaultOverlap = secrets.rotationOverlap();
        this.maxWebhooks = limits.maxWebhooksPerTenant();
    }

    @WithTransaction
    public Uni<WebhookView> create(String tenantId, WebhookInput body) {
        WebhookInput input = WebhookInputValidator.complete(body);
        Webhook webhook = new Webhook();
        webhook.id = Ids.newId();
        webhook.tenantId = tenantId;
        webhook.createdAt = Timestamps.now();
        String secret = input.secret() != null ? input.secret() : generator.generate();
        apply(webhook, input, true);
        setSecret(webhook, secret);
        return repository.count("tenantId", tenantId).invoke(count -> {
            if (count >= maxWebhooks) {
                throw ApiException.invalid("body", "a tenant may have at most " + maxWebhooks + " webhooks");
            }
        }).flatMap(count -> repository.persist(webhook)).map(saved -> {
            LOG.infof("Webhook %s created for tenant %s", saved.id, tenantId);
            return WebhookView.withSecret(saved, secret, warnings(saved, input.secret()));
        });
    }

    @WithSession
    public Uni<PageResponse<WebhookView>> list(String tenantId, WebhookRepository.ListFilter filter,
            PageRequest page) {
        return repository.list(tenantId, filter, page).map(result -> new PageResponse<>(
                result.items().stream().map(WebhookView::of).toList(), PageMeta.of(page, result.total())));
    }

    @WithSession
    public Uni<WebhookView> get(String tenantId, UUID id) {
        return find(tenantId, id).map(WebhookView::of);
    }

    @WithSession
    public Uni<SecretView> secret(String tenantId, UUID id) {
        return find(tenantId, id).map(webhook -> new SecretView(decryptSecret(webhook)));
    }

    @WithTransaction
    public Uni<WebhookView> replace(String tenantId, UUID id, WebhookInput body) {
        WebhookInput input = WebhookInputValidator.complete(body);
        return update(tenantId, id, input, true);
    }

    @WithTransaction
    public Uni<WebhookView> patch(String tenantId, UUID id, WebhookInput body) {
        WebhookInput input = WebhookInputValidator.partial(body);
        return update(tenantId, id, input, false);
    }

    /**
     * Replaces the secret (with the one given, or a generated one) and keeps the old one signing for {@code overlap},
     * so receivers can switch without dropping a webhook.
     */
    @WithTransaction
    public Uni<SecretRotation> rotateSecret(String tenantId, UUID id, RotateSecretInput body) {
        RotateSecretInput input = body == null ? new RotateSecretInput(null, null) : body;
        Validation validation = new Validation();
        WebhookInputValidator.checkSecret(input.secret(), validation);
        if (input.overlapSeconds() != null && (input.overlapSeconds() < 0 || input.overlapSeconds() > MAX_OVERLAP)) {
            validation.reject("overlap_seconds", "must be between 0 and " + MAX_OVERLAP + " (7 days)");
        }
        validation.throwIfInvalid();
        java.time.Duration overlap = input.overlapSeconds() != null
                ? java.time.Duration.ofSeconds(input.overlapSeconds()) : defaultOverlap;
        String secret = input.secret() != null ? input.secret() : generator.generate();
        return find(tenantId, id).map(webhook -> {
            webhook.previousSecretKeyId = webhook.secretKeyId;
            webhook.previousSecretCiphertext = webhook.secretCiphertext;
            webhook.previousSecretExpiresAt = Timestamps.now().plus(overlap);
            setSecret(webhook, secret);
            webhook.updatedAt = Timestamps.now();
            return webhook;
        }).call(repository::flush).map(saved -> {
            LOG.infof("Secret of webhook %s rotated; the previous one signs until %s", id,
                    saved.previousSecretExpiresAt);
            return new SecretRotation(secret, saved.previousSecretExpiresAt, SecretStrength.warnings(input.secret()));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String tenantId, UUID id) {
        return find(tenantId, id).flatMap(repository::delete)
                .invoke(() -> LOG.infof("Webhook %s deleted for tenant %s", id, tenantId));
    }

    /** Decrypts the secret of a webhook loaded by the caller. */
    public String decryptSecret(Webhook webhook) {
        return cipher.decrypt(new EncryptedSecret(webhook.secretKeyId, webhook.secretCiphertext),
                webhook.id.toString());
    }

    private Uni<WebhookView> update(String tenantId, UUID id, WebhookInput input, boolean replace) {
        return find(tenantId, id).map(webhook -> {
            apply(webhook, input, replace);
            if (input.secret() != null) {
                setSecret(webhook, input.secret());
            }
            return webhook;
        }).call(repository::flush).map(saved -> WebhookView.withSecret(saved, null, warnings(saved, input.secret())));
    }

    private Uni<Webhook> find(String tenantId, UUID id) {
        return repository.findForTenant(tenantId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Webhook " + id));
    }

    /**
     * Copies a validated input onto the entity: the non-null fields, and on a replace also the description, which
     * is the one optional field without a default (an empty description clears it on PATCH too).
     */
    private static void apply(Webhook webhook, WebhookInput input, boolean replace) {
        if (input.name() != null) {
            webhook.name = input.name();
        }
        if (replace || input.description() != null) {
            webhook.description = input.description() == null || input.description().isEmpty()
                    ? null : input.description();
        }
        if (input.url() != null) {
            webhook.url = input.url();
        }
        if (input.method() != null) {
            webhook.method = input.method();
        }
        if (input.events() != null) {
            webhook.events = input.events().toArray(String[]::new);
        }
        if (input.enabled() != null) {
            if (input.enabled() && !webhook.enabled) {
                // Re-enabled by an admin: start counting failures afresh.
                webhook.disabledReason = null;
                webhook.failingSince = null;
            }
            webhook.enabled = input.enabled();
        }
        webhook.updatedAt = Timestamps.now();
    }

    /**
     * What will keep the webhook from working or weakens it: a URL the SSRF guard refuses (judged without DNS;
     * deliveries check the resolved address again at connection time) and a weak secret given in this request.
     */
    private List<String> warnings(Webhook webhook, String givenSecret) {
        List<String> warnings = new java.util.ArrayList<>(SecretStrength.warnings(givenSecret));
        String refusal = egress.refusalWithoutDns(webhook.url);
        if (refusal != null) {
            warnings.add(0, "Deliveries to this URL will be refused: " + refusal);
        }
        return warnings;
    }

    private void setSecret(Webhook webhook, String secret) {
        EncryptedSecret encrypted = cipher.encrypt(secret, webhook.id.toString());
        webhook.secretKeyId = encrypted.keyId();
        webhook.secretCiphertext = encrypted.sealed();
    }
}

package io.perscom.webhooks.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.perscom.webhooks.tenancy.TenantOwnedEntity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's endpoint and what it subscribes to. The signing secret is stored only encrypted. */
@Entity
@Table(name = "webhook")
public class Webhook extends TenantOwnedEntity {

    @Column(nullable = false)
    public String url;

    /** {@code get} or {@code post}, lowercase as PERSCOM stores it. */
    @Column(nullable = false)
    public String method;

    @Column(name = "secret_key_id", nullable = false)
    public String secretKeyId;

    @Column(name = "secret_ciphertext", nullable = false)
    public byte[] secretCiphertext;

    @Column(name = "previous_secret_key_id")
    public String previousSecretKeyId;

    @Column(name = "previous_secret_ciphertext")
    public byte[] previousSecretCiphertext;

    /** Until then deliveries carry a second signature made with the previous secret. */
    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] events;

    /** Why the service disabled the webhook (410 Gone, failing too long); cleared when an admin re-enables it. */
    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Since when every attempt has failed; null after a success. Drives automatic disabling. */
    @Column(name = "failing_since")
    public Instant failingSince;


    @Override
    public String toString() {
        // Never print the secret, not even encrypted.
        return "Webhook[id=" + id + ", tenant=" + tenantId + ", url=" + url + "]";
    }
}

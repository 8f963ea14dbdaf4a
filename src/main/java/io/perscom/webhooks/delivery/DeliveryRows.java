package io.perscom.webhooks.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.secrets.EncryptedSecret;
import io.perscom.webhooks.secrets.SecretCipher;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Turns a claimed delivery row (delivery joined with its webhook and payload) into a {@link DeliveryJob}. Every
 * query that claims deliveries selects {@link #JOB_COLUMNS} from aliases {@code d} (delivery), {@code w} (webhook)
 * and {@code p} (the payload text and the event's trace id).
 */
@ApplicationScoped
public class DeliveryRows {

    public static final String JOB_COLUMNS = "d.id, d.message_id, d.event_id, d.tenant_id, d.event_type, "
            + "d.webhook_id, d.attempts, d.max_attempts, d.lease_until, d.automation_id, w.url, w.method, w.enabled, "
            + "w.secret_key_id, w.secret_ciphertext, w.previous_secret_key_id, w.previous_secret_ciphertext, "
            + "w.previous_secret_expires_at, p.payload, p.trace_id";

    private final SecretCipher cipher;

    public DeliveryRows(SecretCipher cipher) {
        this.cipher = cipher;
    }

    public DeliveryJob job(Row row) {
        String webhookId = row.getUUID("webhook_id").toString();
        String secret = cipher.decrypt(new EncryptedSecret(row.getString("secret_key_id"),
                row.getBuffer("secret_ciphertext").getBytes()), webhookId);
        OffsetDateTime lease = row.getOffsetDateTime("lease_until");
        String previous = previousSecret(row, webhookId);
        return new DeliveryJob(row.getUUID("id"), row.getUUID("message_id"), row.getUUID("event_id"),
                row.getString("tenant_id"), row.getString("event_type"), row.getUUID("webhook_id"),
                row.getString("url"), row.getString("method"), row.getBoolean("enabled"), secret, previous,
                row.getString("payload"), row.getString("trace_id"), row.getInteger("attempts") + 1, row.getInteger("max_attempts"),
                lease == null ? Instant.MAX : lease.toInstant(), row.getUUID("automation_id"));
    }

    /** The previous secret while its overlap lasts, else null. */
    private String previousSecret(Row row, String webhookId) {
        OffsetDateTime expires = row.getOffsetDateTime("previous_secret_expires_at");
        if (expires == null || expires.toInstant().isBefore(Instant.now())) {
            return null;
        }
        try {
            return cipher.decrypt(new EncryptedSecret(row.getString("previous_secret_key_id"),
                    row.getBuffer("previous_secret_ciphertext").getBytes()), webhookId);
        } catch (IllegalStateException keyGone) {
            // Its key was retired before the overlap ended: sign with the current secret only.
            return null;
        }
    }
}

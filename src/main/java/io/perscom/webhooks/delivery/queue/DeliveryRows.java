package io.perscom.webhooks.delivery.queue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.secrets.EncryptedSecret;
import io.perscom.webhooks.secrets.SecretCipher;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The job's column contract: turns a delivery row joined with its webhook and message into a {@link DeliveryJob}.
 * Every queue statement that returns work selects {@link #JOB_COLUMNS} from aliases {@code d} (delivery), {@code w}
 * (webhook) and {@code p} (the payload text and the event's trace id).
 */
@ApplicationScoped
public class DeliveryRows {

    static final String JOB_COLUMNS = "d.id, d.message_id, d.event_id, d.tenant_id, d.event_type, "
            + "d.webhook_id, d.attempts, d.max_attempts, d.lease_until, d.automation_id, w.url, w.method, w.enabled, "
            + "w.secret_key_id, w.secret_ciphertext, w.previous_secret_key_id, w.previous_secret_ciphertext, "
            + "w.previous_secret_expires_at, p.payload, p.trace_id";

    /** Bound of the decrypted-secret cache; past it the cache starts over (a webhook's next delivery decrypts). */
    static final int MAX_CACHED_SECRETS = 10_000;

    /** A stored secret as it is sealed: the same webhook, key id and ciphertext always open to the same text. */
    private record SealedSecret(UUID webhookId, String keyId, ByteBuffer ciphertext) {
    }

    private final SecretCipher cipher;
    // AES-GCM opening of the secret was ~5 % of the service's CPU at saturation, the same few secrets every time.
    private final Map<SealedSecret, String> openedSecrets = new ConcurrentHashMap<>();

    public DeliveryRows(SecretCipher cipher) {
        this.cipher = cipher;
    }

    DeliveryJob job(Row row) {
        return job(row, row.getString("payload"));
    }

    /** A job whose payload the caller has already (the ingest rendered it): the row's payload column is not read. */
    DeliveryJob job(Row row, String payload) {
        UUID webhookId = row.getUUID("webhook_id");
        String secret = open(webhookId, row.getString("secret_key_id"), row.getBuffer("secret_ciphertext").getBytes());
        OffsetDateTime lease = row.getOffsetDateTime("lease_until");
        String previous = previousSecret(row, webhookId);
        return new DeliveryJob(row.getUUID("id"), row.getUUID("message_id"), row.getUUID("event_id"),
                row.getString("tenant_id"), row.getString("event_type"), webhookId,
                row.getString("url"), row.getString("method"), row.getBoolean("enabled"), secret, previous,
                payload, row.getString("trace_id"), row.getInteger("attempts") + 1, row.getInteger("max_attempts"),
                lease == null ? Instant.MAX : lease.toInstant(), row.getUUID("automation_id"));
    }

    /** How many opened secrets of this webhook are cached (one per sealed form: rotation adds one). */
    long cachedSecrets(UUID webhookId) {
        return openedSecrets.keySet().stream().filter(sealed -> sealed.webhookId().equals(webhookId)).count();
    }

    private String open(UUID webhookId, String keyId, byte[] ciphertext) {
        SealedSecret sealed = new SealedSecret(webhookId, keyId, ByteBuffer.wrap(ciphertext));
        String opened = openedSecrets.get(sealed);
        if (opened == null) {
            opened = cipher.decrypt(new EncryptedSecret(keyId, ciphertext), webhookId.toString());
            if (openedSecrets.size() >= MAX_CACHED_SECRETS) {
                openedSecrets.clear();
            }
            openedSecrets.put(sealed, opened);
        }
        return opened;
    }

    /** The previous secret while its overlap lasts, else null. */
    private String previousSecret(Row row, UUID webhookId) {
        OffsetDateTime expires = row.getOffsetDateTime("previous_secret_expires_at");
        if (expires == null || expires.toInstant().isBefore(Instant.now())) {
            return null;
        }
        try {
            return open(webhookId, row.getString("previous_secret_key_id"),
                    row.getBuffer("previous_secret_ciphertext").getBytes());
        } catch (IllegalStateException keyGone) {
            // Its key was retired before the overlap ended: sign with the current secret only.
            return null;
        }
    }
}

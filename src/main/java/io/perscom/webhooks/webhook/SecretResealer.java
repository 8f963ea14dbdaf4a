package io.perscom.webhooks.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.perscom.webhooks.secrets.EncryptedSecret;
import io.perscom.webhooks.secrets.SecretCipher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Completes an encryption-key rotation: secrets still sealed with an older key are re-encrypted with the active one,
 * a small batch at a time, so the old key can be removed from configuration once none is left.
 */
@ApplicationScoped
public class SecretResealer {

    private static final Logger LOG = Logger.getLogger(SecretResealer.class);
    private static final int BATCH = 100;

    private final Pool pool;
    private final SecretCipher cipher;

    public SecretResealer(Pool pool, SecretCipher cipher) {
        this.pool = pool;
        this.cipher = cipher;
    }

    @Scheduled(every = "1h", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return resealAll().onFailure().recoverWithItem(error -> {
            LOG.warnf("Re-encrypting webhook secrets failed: %s", error.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Re-encrypts every stale secret; returns how many were rewritten. */
    public Uni<Integer> resealAll() {
        return resealBatch().flatMap(count -> count < BATCH ? Uni.createFrom().item(count)
                : resealAll().map(more -> count + more));
    }

    private Uni<Integer> resealBatch() {
        return pool.preparedQuery("select id, secret_key_id, secret_ciphertext from webhook "
                + "where secret_key_id <> $1 limit " + BATCH)
                .execute(Tuple.of(cipher.activeKeyId()))
                .flatMap(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row row : rows) {
                        updates.add(resealed(row));
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // Only rows still sealed with the key read above are rewritten: a concurrent secret change wins.
                    return pool.preparedQuery("update webhook set secret_key_id = $2, secret_ciphertext = $3 "
                            + "where id = $1 and secret_key_id = $4").executeBatch(updates)
                            .invoke(() -> LOG.infof("Re-encrypted %d webhook secret(s) with key %s",
                                    updates.size(), cipher.activeKeyId()))
                            .replaceWith(updates.size());
                });
    }

    private Tuple resealed(Row row) {
        UUID id = row.getUUID("id");
        String oldKey = row.getString("secret_key_id");
        String secret = cipher.decrypt(new EncryptedSecret(oldKey, row.getBuffer("secret_ciphertext").getBytes()),
                id.toString());
        EncryptedSecret fresh = cipher.encrypt(secret, id.toString());
        return Tuple.of(id, fresh.keyId(), io.vertx.core.buffer.Buffer.buffer(fresh.sealed()), oldKey);
    }
}

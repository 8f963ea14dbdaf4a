package io.perscom.webhooks.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM. The owning row's id is bound in as associated data, so a
 * ciphertext copied onto another row does not decrypt.
 */
@ApplicationScoped
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretsConfig config) {
        this.keys = parseKeys(config);
        this.activeKeyId = config.activeKeyId().orElse(keys.keySet().iterator().next());
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("webhooks.secrets.active-key-id names no configured key: " + activeKeyId);
        }
    }

    public EncryptedSecret encrypt(String secret, String ownerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, ownerId,
                secret.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        return new EncryptedSecret(activeKeyId, sealed);
    }

    public String decrypt(EncryptedSecret encrypted, String ownerId) {
        SecretKey key = keys.get(encrypted.keyId());
        if (key == null) {
            throw new IllegalStateException("No encryption key configured with id " + encrypted.keyId());
        }
        byte[] sealed = encrypted.sealed();
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, ownerId, ciphertext), StandardCharsets.UTF_8);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String ownerId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Secret encryption failed", e);
        }
    }

    private static Map<String, SecretKey> parseKeys(SecretsConfig config) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : config.encryptionKeys()) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("webhooks.secrets.encryption-keys entries must be <key-id>:<base64>");
            }
            String id = entry.substring(0, colon).trim();
            byte[] raw = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            if (raw.length != 32) {
                throw new IllegalStateException("Encryption key " + id + " must be 32 bytes (AES-256)");
            }
            parsed.put(id, new SecretKeySpec(raw, "AES"));
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("webhooks.secrets.encryption-keys is empty");
        }
        return parsed;
    }
}

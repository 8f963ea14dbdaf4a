package io.perscom.webhooks.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.perscom.webhooks.support.TestConfig;

class SecretCipherTest {

    private static final String OLD = "old:" + key(1);
    private static final String NEW = "new:" + key(2);

    @Test
    void roundTripsAndUsesAFreshNonceEachTime() {
        SecretCipher cipher = new SecretCipher(config(List.of(NEW, OLD), null));
        EncryptedSecret first = cipher.encrypt("s3cret-value", "owner-1");
        EncryptedSecret second = cipher.encrypt("s3cret-value", "owner-1");
        assertEquals("new", first.keyId());
        assertFalse(Arrays.equals(first.sealed(), second.sealed()));
        assertEquals("s3cret-value", cipher.decrypt(first, "owner-1"));
        assertEquals("s3cret-value", cipher.decrypt(second, "owner-1"));
    }

    @Test
    void ciphertextIsBoundToItsRow() {
        SecretCipher cipher = new SecretCipher(config(List.of(NEW), null));
        EncryptedSecret sealed = cipher.encrypt("s3cret-value", "owner-1");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "owner-2"));
    }

    @Test
    void tamperingIsDetected() {
        SecretCipher cipher = new SecretCipher(config(List.of(NEW), null));
        EncryptedSecret sealed = cipher.encrypt("s3cret-value", "owner-1");
        byte[] bytes = sealed.sealed().clone();
        bytes[bytes.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(new EncryptedSecret("new", bytes), "owner-1"));
    }

    @Test
    void oldKeysStillDecryptAfterRotation() {
        SecretCipher before = new SecretCipher(config(List.of(OLD), null));
        EncryptedSecret sealedWithOld = before.encrypt("kept-across-rotation", "owner");
        SecretCipher after = new SecretCipher(config(List.of(NEW, OLD), null));
        assertEquals("kept-across-rotation", after.decrypt(sealedWithOld, "owner"));
        assertEquals("new", after.activeKeyId());
        assertEquals("new", after.encrypt("x", "owner").keyId(), "new secrets use the new key");
    }

    @Test
    void activeKeyCanBeChosenExplicitly() {
        SecretCipher cipher = new SecretCipher(config(List.of(NEW, OLD), "old"));
        assertEquals("old", cipher.encrypt("x", "o").keyId());
        assertThrows(IllegalStateException.class, () -> new SecretCipher(config(List.of(NEW), "missing")));
    }

    @Test
    void refusesKeysOfTheWrongSizeOrShape() {
        String shortKey = "k:" + Base64.getEncoder().encodeToString(new byte[16]);
        assertThrows(IllegalStateException.class, () -> new SecretCipher(config(List.of(shortKey), null)));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(config(List.of(key(3)), null)));
    }

    @Test
    void generatedSecretsAreStandardWebhooksKeys() {
        SecretGenerator generator = new SecretGenerator(config(List.of(NEW), null));
        String a = generator.generate();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, generator.generate());
    }

    private static String key(int seed) {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) seed);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static SecretsConfig config(List<String> keys, String active) {
        Map<String, String> properties = new HashMap<>(Map.of("webhooks.secrets.encryption-keys", String.join(",", keys)));
        if (active != null) {
            properties.put("webhooks.secrets.active-key-id", active);
        }
        return TestConfig.mapping(SecretsConfig.class, properties);
    }
}

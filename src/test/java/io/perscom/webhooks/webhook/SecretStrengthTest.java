package io.perscom.webhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretStrengthTest {

    @ParameterizedTest
    @ValueSource(strings = { "Zq4v9TnR2bWk7YxP3sLm8HcJ5dGf1aQe", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "correct horse battery staple", "ünïcödé-ßecret-with-😀-and-more" })
    void strongSecretsGetNoWarning(String secret) {
        assertEquals(List.of(), SecretStrength.warnings(secret));
        assertEquals(List.of(), SecretStrength.warnings(null));
    }

    @Test
    void eachWeaknessIsNamed() {
        assertWeak("short", "only 5 characters long", "only 5 different characters");
        assertWeak("Password123456789", "common word or password");
        assertWeak("1234567890123456789", "repeated or consecutive");
        assertWeak("abcdefghijklmnopqrstuvwxyz", "repeated or consecutive");
        assertWeak("ababababababababab", "only 2 different characters");
        assertWeak("whsec_" + Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }),
                "only 9 bytes");
        assertWeak("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), "only 1 different bytes");
    }

    @Test
    void aWhsecPrefixWithoutBase64IsExplained() {
        List<String> warnings = SecretStrength.warnings("whsec_this*is*not*base64*but*long*enough");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("not base64"), warnings.get(0));
    }

    private static void assertWeak(String secret, String... reasons) {
        List<String> warnings = SecretStrength.warnings(secret);
        assertEquals(1, warnings.size(), warnings.toString());
        for (String reason : reasons) {
            assertTrue(warnings.get(0).contains(reason), secret + ": " + warnings.get(0));
        }
    }
}

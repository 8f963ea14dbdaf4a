package io.perscom.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.perscom.webhooks.secrets.SecretGenerator;

/**
 * Both signatures a request carries:
 * <ul>
 * <li>{@code Signature}: lowercase hex HMAC-SHA256 of the body keyed with the secret's UTF-8 bytes exactly as typed
 * (whatever its form), what PERSCOM sends and spatie/laravel-webhook-client checks;</li>
 * <li>Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the
 * {@link #whsecKey whsec_ key} when the secret is one, and otherwise (a PERSCOM plain secret) with the secret's UTF-8
 * bytes as typed; a receiver using a Standard Webhooks library gives it those bytes, or equivalently the secret
 * {@code "whsec_" + base64(UTF-8 bytes)}.</li>
 * </ul>
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public static String perscomSignature(String secret, String body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    public static String standardSignature(String secret, String messageId, long timestampSeconds, String body) {
        byte[] digest = hmac(standardKey(secret), messageId + "." + timestampSeconds + "." + body);
        return "v1," + Base64.getEncoder().encodeToString(digest);
    }

    static byte[] standardKey(String secret) {
        byte[] key = whsecKey(secret);
        return key != null ? key : secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The key of a Standard Webhooks secret: what follows {@code whsec_}, base64-decoded (standard alphabet), when that
     * is at least one byte. Null for every other secret, including a {@code whsec_} one whose rest is not base64.
     */
    public static byte[] whsecKey(String secret) {
        if (!secret.startsWith(SecretGenerator.PREFIX)) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(SecretGenerator.PREFIX.length()));
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

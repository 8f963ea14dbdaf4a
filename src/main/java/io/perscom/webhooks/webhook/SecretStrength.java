package io.perscom.webhooks.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.perscom.webhooks.secrets.SecretGenerator;
import io.perscom.webhooks.signing.WebhookSigner;

/**
 * Warnings about a secret an admin typed. PERSCOM accepts any secret, so this service does too; what makes one easy to
 * guess is said in the response instead: fewer than {@value #MIN_LENGTH} characters (or key bytes), fewer than
 * {@value #MIN_DISTINCT} different ones, a common word or password, or mostly repeated or consecutive characters.
 */
final class SecretStrength {

    static final int MIN_LENGTH = 16;
    static final int MIN_DISTINCT = 8;
    /** Share of neighbouring characters that repeat or count up or down ("aaaa", "1234", "abcd") that is too much. */
    private static final double MAX_PREDICTABLE = 0.8;
    private static final Set<String> COMMON = Set.of("secret", "password", "passwd", "changeme", "webhook",
            "webhooks", "perscom", "test", "testing", "admin", "default", "letmein", "qwerty", "qwertyuiop", "abc",
            "iloveyou", "welcome", "monkey", "dragon", "example", "mysecret", "supersecret", "secretkey", "token",
            "apikey", "key", "hook", "signing", "signature", "hello", "helloworld");

    private SecretStrength() {
    }

    /** Empty when the secret is fine (or absent). */
    static List<String> warnings(String secret) {
        if (secret == null) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        byte[] key = WebhookSigner.whsecKey(secret);
        List<String> weaknesses = key != null ? keyWeaknesses(key) : textWeaknesses(secret);
        if (!weaknesses.isEmpty()) {
            warnings.add("The secret is weak: " + String.join("; ", weaknesses) + ". It is kept and signs as given "
                    + "(PERSCOM accepts such secrets), but a random one (leave out secret to have one generated) is "
                    + "much harder to guess.");
        }
        if (key == null && secret.startsWith(SecretGenerator.PREFIX)) {
            warnings.add("The secret starts with whsec_ but the rest is not base64: webhook-signature is keyed with "
                    + "the secret's UTF-8 bytes, as for any plain secret, so a Standard Webhooks library must be "
                    + "given those bytes rather than the secret text.");
        }
        return warnings;
    }

    private static List<String> keyWeaknesses(byte[] key) {
        List<String> weaknesses = new ArrayList<>();
        if (key.length < MIN_LENGTH) {
            weaknesses.add("its whsec_ key is only " + key.length + " bytes, fewer than " + MIN_LENGTH);
        }
        long distinct = distinct(toInts(key));
        if (distinct < MIN_DISTINCT) {
            weaknesses.add("its key has only " + distinct + " different bytes");
        }
        return weaknesses;
    }

    private static List<String> textWeaknesses(String secret) {
        List<String> weaknesses = new ArrayList<>();
        int[] characters = secret.codePoints().toArray();
        if (characters.length < MIN_LENGTH) {
            weaknesses.add("it is only " + characters.length + " characters long, fewer than " + MIN_LENGTH);
        }
        long distinct = distinct(characters);
        if (distinct < MIN_DISTINCT) {
            weaknesses.add("it has only " + distinct + " different characters");
        }
        String letters = secret.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        if (COMMON.contains(letters)) {
            weaknesses.add("it is a common word or password");
        } else if (predictable(characters)) {
            weaknesses.add("it is mostly repeated or consecutive characters");
        }
        return weaknesses;
    }

    private static boolean predictable(int[] characters) {
        if (characters.length < 2) {
            return false;
        }
        int steps = 0;
        for (int i = 1; i < characters.length; i++) {
            int step = characters[i] - characters[i - 1];
            // "...890123..." counts as consecutive too.
            if (Math.abs(step) <= 1 || (characters[i - 1] == '9' && characters[i] == '0')) {
                steps++;
            }
        }
        return steps >= MAX_PREDICTABLE * (characters.length - 1);
    }

    private static long distinct(int[] values) {
        return java.util.Arrays.stream(values).distinct().count();
    }

    private static int[] toInts(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }
}

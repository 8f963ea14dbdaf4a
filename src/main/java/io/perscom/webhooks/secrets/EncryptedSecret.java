package io.perscom.webhooks.secrets;

/** A secret as stored: the id of the key that sealed it and {@code nonce || ciphertext || tag}. */
public record EncryptedSecret(String keyId, byte[] sealed) {
}

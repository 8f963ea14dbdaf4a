package io.perscom.webhooks.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Request bodies with bytes JSON text cannot express (malformed UTF-8), for bad-input tests. */
public final class RawBytes {

    private RawBytes() {
    }

    /** {@code json} with its first {@code @} replaced by {@code bad}. */
    public static byte[] withBytes(String json, byte[] bad) {
        String[] parts = json.split("@", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(parts[0]));
        out.writeBytes(bad);
        out.writeBytes(utf8(parts[1]));
        return out.toByteArray();
    }

    public static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.perscom.webhooks.automation.php;

import java.nio.charset.StandardCharsets;

/** PHP's byte strings seen as Java strings: one char (0-255) per UTF-8 byte, for byte-semantics functions. */
final class ByteString {

    private ByteString() {
    }

    static String encode(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String decode(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}

package io.perscom.webhooks.persistence;

import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): new rows land at the end of their primary-key index instead of at random
 * pages, which keeps inserts of logs and deliveries cheap, and ids sort roughly by creation time.
 */
public final class Ids {

    private Ids() {
    }

    /**
     * The random bits come from {@link UUID#randomUUID()} (a secure generator the JDK creates lazily), so no random
     * generator is held in a static field: a native image would otherwise freeze its seed at build time.
     */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        UUID random = UUID.randomUUID();
        long msb = (millis << 16) | (0x7L << 12) | (random.getMostSignificantBits() & 0xFFFL);
        return new UUID(msb, random.getLeastSignificantBits());
    }
}

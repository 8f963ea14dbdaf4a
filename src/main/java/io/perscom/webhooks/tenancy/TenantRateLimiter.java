package io.perscom.webhooks.tenancy;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** A token bucket per tenant: {@code tenant-events-per-second} steady, {@code tenant-event-burst} at once. */
@ApplicationScoped
public class TenantRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimiter(TenantLimits limits) {
        this.ratePerNano = limits.tenantEventsPerSecond() / 1e9;
        this.burst = Math.max(1, limits.tenantEventBurst());
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** Takes {@code count} tokens; returns 0 when granted, else the seconds to wait before trying again. */
    public long acquire(String tenantId, int count) {
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(tenantId, t -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * ratePerNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= count) {
                bucket.tokens -= count;
                return 0;
            }
            double missing = count - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / (ratePerNano * 1e9)));
        }
    }
}

package io.perscom.webhooks.tenancy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A token bucket per tenant: {@code tenant-events-per-second} steady, {@code tenant-event-burst} at once. */
@ApplicationScoped
public class TenantRateLimiter {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public TenantRateLimiter(TenantLimits limits) {
        this(limits.tenantEventsPerSecond(), limits.tenantEventBurst(), System::nanoTime);
    }

    TenantRateLimiter(int eventsPerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerNano = eventsPerSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.nanoClock = nanoClock;
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /**
     * Takes {@code count} tokens; returns 0 when granted, else the seconds to wait before trying again. A batch larger
     * than the burst is granted on a full bucket and leaves it in debt, so it is slowed down, never refused forever.
     */
    public long acquire(String tenantId, int count) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(tenantId, t -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * ratePerNano);
            bucket.refilledAt = now;
            double needed = Math.min(count, burst);
            if (bucket.tokens >= needed) {
                bucket.tokens -= count;
                return 0;
            }
            double missing = needed - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / (ratePerNano * 1e9)));
        }
    }
}

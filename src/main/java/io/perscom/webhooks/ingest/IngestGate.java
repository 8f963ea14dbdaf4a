package io.perscom.webhooks.ingest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.tenancy.TenantLimits;
import io.perscom.webhooks.tenancy.TenantRateLimiter;
import io.smallrye.mutiny.Uni;

/**
 * Admission before anything is written: 503 with {@code Retry-After} while the queue holds more due deliveries than
 * {@code webhooks.limits.max-due-deliveries} (its depth, as the queue last read it), and 429 with
 * {@code Retry-After} for a tenant over its event rate, so one tenant's flood cannot starve the others.
 */
@ApplicationScoped
public class IngestGate {

    static final long QUEUE_FULL_RETRY_SECONDS = 30;

    private final TenantRateLimiter limiter;
    private final DeliveryQueue queue;
    private final long maxDue;

    public IngestGate(TenantRateLimiter limiter, DeliveryQueue queue, TenantLimits limits) {
        this.limiter = limiter;
        this.queue = queue;
        this.maxDue = limits.maxDueDeliveries();
    }

    Uni<Void> admit(List<IngestEvent> events) {
        return queue.depth().map(depth -> {
            if (depth.due() > maxDue) {
                throw ApiException.unavailable("The delivery queue holds more than " + maxDue
                        + " due deliveries; retry later.", QUEUE_FULL_RETRY_SECONDS);
            }
            Map<String, Long> perTenant = events.stream()
                    .collect(Collectors.groupingBy(IngestEvent::tenantId, Collectors.counting()));
            perTenant.forEach((tenant, count) -> {
                long wait = limiter.acquire(tenant, count.intValue());
                if (wait > 0) {
                    throw ApiException.tooManyRequests("Tenant " + tenant + " is over its event rate; retry later.",
                            wait);
                }
            });
            return null;
        });
    }
}

package io.perscom.webhooks.delivery.queue;

import java.util.List;

/**
 * What the fan-out of one event stored. A new event: its deliveries (leased to this replica when asked, else
 * claimable by any poller), its automation job when one was stored (else null), and the plan that kept a non-entitled
 * tenant's event from creating work ({@code not_reported} for the default plan; null when entitled). An event id seen
 * before: {@code duplicate}, with the earlier event's tenant and delivery count; nothing was written.
 */
public record FanOut(String tenantId, int deliveries, boolean duplicate, List<DeliveryJob> jobs,
        AutomationJob automationJob, String notEntitledPlan) {

    static FanOut duplicate(String tenantId, int deliveries) {
        return new FanOut(tenantId, deliveries, true, List.of(), null, null);
    }
}

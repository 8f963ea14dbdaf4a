package io.perscom.webhooks.delivery.dispatch;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.perscom.webhooks.api.ApiException;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.delivery.record.AttemptRecord;
import io.perscom.webhooks.eventtype.EventCatalog;
import io.perscom.webhooks.payload.WebhookPayload;
import io.perscom.webhooks.persistence.Timestamps;
import io.smallrye.mutiny.Uni;

/**
 * Deliveries an admin asks for: the {@code webhook.test} event sent at once to one webhook, and the redelivery of a
 * logged attempt's payload. Both go through the normal path (signing, attempt log); both are tenant-scoped.
 */
@ApplicationScoped
public class ManualDeliveries {

    private final DeliveryQueue queue;
    private final DeliveryProcessor processor;
    private final DeliveryDispatcher dispatcher;

    public ManualDeliveries(DeliveryQueue queue, DeliveryProcessor processor, DeliveryDispatcher dispatcher) {
        this.queue = queue;
        this.processor = processor;
        this.dispatcher = dispatcher;
    }

    /** Sends {@code webhook.test} with the admin's data now and answers with the attempt's record. */
    public Uni<AttemptRecord> sendTest(String tenantId, UUID webhookId, JsonNode data) {
        String payload = WebhookPayload.render(WebhookPayload.build(EventCatalog.TEST_EVENT, Timestamps.now(),
                null, null, data, null));
        return queue.enqueueTest(tenantId, webhookId, EventCatalog.TEST_EVENT, payload)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Webhook " + webhookId))
                // A test goes out even to a disabled webhook: the admin is checking the endpoint.
                .flatMap(processor::processOnce);
    }

    /** Queues a new delivery of the logged attempt's message; answers with the new delivery's id. */
    public Uni<UUID> redeliver(String tenantId, UUID webhookId, UUID attemptId) {
        return queue.redeliver(tenantId, webhookId, attemptId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Log " + attemptId))
                .invoke(job -> dispatcher.submit(List.of(job)))
                .map(DeliveryJob::deliveryId);
    }
}

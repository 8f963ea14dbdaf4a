package io.perscom.webhooks.delivery.dispatch;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.record.AttemptOutcome;
import io.perscom.webhooks.delivery.record.AttemptRecord;

/**
 * Log lines about a delivery carry its event id, trace id, delivery, webhook and tenant as MDC fields, so they are
 * separate fields in the JSON logs of production and can be searched by event or trace.
 */
final class DeliveryLog {

    private static final Logger LOG = Logger.getLogger("io.perscom.webhooks.delivery");
    private static final String[] KEYS = { "event_id", "trace_id", "delivery_id", "webhook_id", "tenant_id" };

    private DeliveryLog() {
    }

    /** Failures for good are warnings; everything else is debug (one line per attempt would flood at load). */
    static void attempt(AttemptRecord record) {
        boolean failed = record.outcome() == AttemptOutcome.FAILED;
        if (!failed && !LOG.isDebugEnabled()) {
            return;
        }
        DeliveryJob job = record.job();
        String what = record.result().status() != null ? "HTTP " + record.result().status()
                : record.result().errorKind().code();
        with(job, () -> LOG.logf(failed ? Logger.Level.WARN : Logger.Level.DEBUG,
                "Delivery attempt %d/%d to webhook %s: %s, %s", job.attempt(), job.maxAttempts(), job.webhookId(),
                what, record.outcome().column()));
    }

    static void warn(DeliveryJob job, String message) {
        with(job, () -> LOG.warn(message));
    }

    private static void with(DeliveryJob job, Runnable log) {
        Object[] values = { job.eventId(), job.traceId(), job.deliveryId(), job.webhookId(), job.tenantId() };
        for (int i = 0; i < KEYS.length; i++) {
            if (values[i] != null) {
                MDC.put(KEYS[i], values[i].toString());
            }
        }
        try {
            log.run();
        } finally {
            for (String key : KEYS) {
                MDC.remove(key);
            }
        }
    }
}

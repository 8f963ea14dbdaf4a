package io.perscom.webhooks.delivery.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.perscom.webhooks.delivery.DeliveryConfig;
import io.perscom.webhooks.delivery.http.AttemptResult;
import io.perscom.webhooks.delivery.http.ErrorKind;
import io.perscom.webhooks.delivery.queue.DeliveryJob;
import io.perscom.webhooks.delivery.queue.DeliveryQueue;
import io.perscom.webhooks.delivery.queue.Settlement;
import io.perscom.webhooks.observability.DeliveryMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Makes attempt results durable: the attempt log row, the delivery's new state (the queue's {@link DeliveryQueue#settle}
 * statement) and the endpoint's health, written in one transaction. Results are group-committed: while one batch is
 * being written the next ones gather, so under load each transaction carries hundreds of results instead of one (one
 * round trip each for the log rows, the deliveries and the webhooks). A caller's Uni completes only once its result
 * is committed.
 */
@ApplicationScoped
public class AttemptRecorder {

    private static final Logger LOG = Logger.getLogger(AttemptRecorder.class);

    private static final String INSERT_ATTEMPTS = """
            insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt,
                method, url, request_headers, response_status, response_reason, response_headers, response_body,
                duration_ms, error_kind, error_message, outcome, next_attempt_at, created_at, redirects,
                response_body_truncated, response_body_bytes)
            select a.id, a.tenant_id, a.delivery_id, a.webhook_id, a.event_id, a.event_type, a.attempt, a.method,
                a.url, a.request_headers::jsonb, a.response_status, a.response_reason, a.response_headers::jsonb,
                a.response_body, a.duration_ms, a.error_kind, a.error_message, a.outcome, a.next_attempt_at,
                a.created_at, a.redirects::jsonb, a.response_body_truncated, a.response_body_bytes
            from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::int[],
                $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[], $15::int[],
                $16::text[], $17::text[], $18::text[], $19::timestamptz[], $20::timestamptz[], $21::text[],
                $22::bool[], $23::bigint[])
            as a(id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt, method, url,
                request_headers, response_status, response_reason, response_headers, response_body, duration_ms,
                error_kind, error_message, outcome, next_attempt_at, created_at, redirects, response_body_truncated,
                response_body_bytes)
            """;

    /**
     * Endpoint health, per webhook from its latest attempt in the batch: a success clears {@code failing_since}; a
     * failure starts it; 410 Gone, or failing since before {@code disable_before} (the attempt's time less
     * {@code disable-after-failing-for}), disables the webhook with a reason.
     */
    private static final String UPDATE_WEBHOOKS = """
            update webhook w set
                failing_since = case when u.ok then null else coalesce(w.failing_since, u.at) end,
                enabled = w.enabled and not u.gone
                    and (u.ok or coalesce(w.failing_since, u.at) > u.disable_before),
                disabled_reason = case
                    when not w.enabled then w.disabled_reason
                    when u.gone then 'The endpoint answered 410 Gone at ' || u.at
                    when not u.ok and coalesce(w.failing_since, u.at) <= u.disable_before
                        then 'Every delivery has failed since ' || coalesce(w.failing_since, u.at)
                    else w.disabled_reason end
            from (select distinct on (id) id, ok, gone, at,
                      at - $5::bigint * interval '1 millisecond' as disable_before
                  from unnest($1::uuid[], $2::bool[], $3::bool[], $4::timestamptz[]) as x(id, ok, gone, at)
                  order by id, at desc) u
            where w.id = u.id
              -- Only transitions write (healthy <-> failing, disabling): a healthy endpoint's successes and a failing
              -- one's further failures leave the row alone, so concurrent batches rarely lock the same webhooks.
              and ((u.ok and w.failing_since is not null)
                   or (not u.ok and (w.failing_since is null or (w.enabled and (u.gone
                       or w.failing_since <= u.disable_before))))
                   or (u.gone and w.enabled))
            returning w.id, w.enabled, w.disabled_reason
            """;

    private record Pending(AttemptRecord record, UniEmitter<? super Void> done) {
    }

    private final Pool pool;
    private final DeliveryQueue queue;
    private final ObjectMapper mapper;
    private final int maxBatch;
    private final int maxFlushes;
    private final List<Pending> waiting = new ArrayList<>();
    private int flushing;

    private final long disableAfterMillis;
    private final DeliveryMetrics metrics;

    public AttemptRecorder(Pool pool, DeliveryQueue queue, ObjectMapper mapper, DeliveryConfig config,
            DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.disableAfterMillis = config.disableAfterFailingFor().toMillis();
        this.pool = pool;
        this.queue = queue;
        this.mapper = mapper;
        this.maxBatch = config.recorder().maxBatch();
        this.maxFlushes = config.recorder().maxConcurrentFlushes();
    }

    public Uni<Void> record(AttemptRecord record) {
        return Uni.createFrom().emitter(done -> {
            synchronized (this) {
                waiting.add(new Pending(record, done));
            }
            flushIfIdle();
        });
    }

    private void flushIfIdle() {
        List<Pending> batch;
        synchronized (this) {
            if (flushing >= maxFlushes || waiting.isEmpty()) {
                return;
            }
            int size = Math.min(maxBatch, waiting.size());
            batch = new ArrayList<>(waiting.subList(0, size));
            waiting.subList(0, size).clear();
            flushing++;
        }
        write(batch).subscribe().with(
                ok -> finished(batch, null),
                error -> finished(batch, error));
    }

    private void finished(List<Pending> batch, Throwable error) {
        synchronized (this) {
            flushing--;
        }
        if (error != null && batch.size() > 1) {
            // One record the database refuses must not hold back the others: write them one by one.
            LOG.warnf("Could not record %d attempt results together (%s); recording them one by one", batch.size(),
                    error.getMessage());
            batch.forEach(this::writeAlone);
        } else if (error != null) {
            writeStripped(batch.get(0), error);
        } else {
            batch.forEach(p -> p.done().complete(null));
        }
        flushIfIdle();
    }

    private void writeAlone(Pending pending) {
        write(List.of(pending)).subscribe().with(ok -> pending.done().complete(null),
                error -> writeStripped(pending, error));
    }

    /**
     * A record the database refuses (data this service did not expect) is written without its details, with error
     * kind {@code internal}, so the delivery still moves on to its next attempt or its final state. Only if even that
     * fails does the delivery wait for its lease to expire (and be claimed and sent again, at-least-once).
     */
    private void writeStripped(Pending pending, Throwable refusal) {
        LOG.errorf("Attempt %s of delivery %s could not be recorded (%s); recording it without details",
                pending.record().id(), pending.record().job().deliveryId(), refusal.getMessage());
        metrics.poisonWork("attempt_record");
        write(List.of(new Pending(pending.record().stripped(refusal), pending.done()))).subscribe().with(
                ok -> pending.done().complete(null),
                error -> {
                    LOG.errorf("Attempt %s of delivery %s could not be recorded: %s", pending.record().id(),
                            pending.record().job().deliveryId(), error.getMessage());
                    pending.done().fail(error);
                });
    }

    private Uni<Void> write(List<Pending> batch) {
        Tuple attempts = attemptRows(batch);
        List<Settlement> settlements = batch.stream().map(pending -> pending.record().settlement()).toList();
        Tuple endpoints = endpointRows(batch);
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_ATTEMPTS).execute(attempts)
                .flatMap(ignored -> queue.settle(connection, settlements))
                .flatMap(ignored -> connection.preparedQuery(UPDATE_WEBHOOKS).execute(endpoints)))
                // A transaction that failed wrote nothing (a deadlock with a concurrent batch, a dropped connection):
                // writing the same results again is safe, and cheaper than re-sending them after their leases expire.
                .onFailure().retry().withBackOff(java.time.Duration.ofMillis(50)).atMost(2)
                .invoke(rows -> rows.forEach(row -> {
                    if (!row.getBoolean("enabled") && row.getString("disabled_reason") != null
                            && disabledNow(batch, row.getUUID("id"))) {
                        LOG.warnf("Webhook %s disabled: %s", row.getUUID("id"), row.getString("disabled_reason"));
                    }
                }))
                .replaceWithVoid();
    }

    private Tuple attemptRows(List<Pending> batch) {
        int n = batch.size();
        UUID[] id = new UUID[n], delivery = new UUID[n], webhook = new UUID[n], event = new UUID[n];
        String[] tenant = new String[n], type = new String[n], method = new String[n], url = new String[n],
                requestHeaders = new String[n], reason = new String[n], responseHeaders = new String[n],
                body = new String[n], errorKind = new String[n], errorMessage = new String[n],
                outcome = new String[n], redirects = new String[n];
        Integer[] attempt = new Integer[n], status = new Integer[n], duration = new Integer[n];
        OffsetDateTime[] next = new OffsetDateTime[n], created = new OffsetDateTime[n];
        Boolean[] truncated = new Boolean[n];
        Long[] bodyBytes = new Long[n];
        for (int i = 0; i < n; i++) {
            AttemptRecord r = batch.get(i).record();
            AttemptResult result = r.result();
            truncated[i] = result.responseBodyTruncated();
            bodyBytes[i] = result.responseBodyBytes();
            DeliveryJob job = r.job();
            id[i] = r.id();
            tenant[i] = job.tenantId();
            delivery[i] = job.deliveryId();
            webhook[i] = job.webhookId();
            event[i] = job.eventId();
            type[i] = job.eventType();
            attempt[i] = job.attempt();
            method[i] = r.method();
            url[i] = clean(result.requestUrl());
            requestHeaders[i] = json(result.requestHeaders());
            status[i] = result.status();
            reason[i] = truncate(clean(result.reason()), 255);
            responseHeaders[i] = result.responseHeaders() == null ? null : json(result.responseHeaders());
            body[i] = clean(result.responseBody());
            duration[i] = (int) Math.min(Integer.MAX_VALUE, result.durationMs());
            errorKind[i] = result.errorKind() == null ? null : result.errorKind().code();
            errorMessage[i] = truncate(clean(result.errorMessage()), 1000);
            outcome[i] = r.outcome().column();
            next[i] = offset(r.nextAttemptAt());
            created[i] = offset(r.at());
            redirects[i] = result.redirects() == null ? null : json(result.redirects());
        }
        return Tuple.tuple(List.of(id, tenant, delivery, webhook, event, type, attempt, method, url, requestHeaders,
                status, reason, responseHeaders, body, duration, errorKind, errorMessage, outcome, next, created,
                redirects, truncated, bodyBytes));
    }

    /** The attempts that reached (or tried to reach) the endpoint; deferrals say nothing about its health. */
    private Tuple endpointRows(List<Pending> batch) {
        List<AttemptRecord> sent = batch.stream().map(Pending::record)
                .filter(r -> r.outcome().sent() && r.result().errorKind() != ErrorKind.ENDPOINT_DISABLED)
                .toList();
        int n = sent.size();
        UUID[] id = new UUID[n];
        Boolean[] ok = new Boolean[n], gone = new Boolean[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            AttemptRecord r = sent.get(i);
            id[i] = r.job().webhookId();
            ok[i] = r.result().succeeded();
            gone[i] = Integer.valueOf(410).equals(r.result().status());
            at[i] = offset(r.at());
        }
        return Tuple.tuple(List.of(id, ok, gone, at, disableAfterMillis));
    }

    private static boolean disabledNow(List<Pending> batch, UUID webhookId) {
        return batch.stream().anyMatch(p -> p.record().job().webhookId().equals(webhookId)
                && p.record().job().webhookEnabled());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL text cannot hold NUL characters, which a response body may contain. */
    private static String clean(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

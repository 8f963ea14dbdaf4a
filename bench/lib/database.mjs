// The benchmark's own database: created empty for each run (the service's migrations make the tables), then given
// history so that its tables and statistics look like those of a service that has been running.
import { now, log, sql, round } from './util.mjs';
import { EVENT } from './run.mjs';

export async function freshDatabase(ctx) {
  await sql('postgres', `drop database if exists ${ctx.DB} with (force)`);
  await sql('postgres', `create database ${ctx.DB}`);
}

/**
 * History, so the tables and their statistics look like a service that has been running (retention keeps 30 days):
 * finished deliveries with their attempt rows for the webhooks of tenant bench-f10, then VACUUM ANALYZE.
 */
export async function seedHistory(ctx, deliveries) {
  const list = ctx.hooks['bench-f10'];
  const events = Math.ceil(deliveries / list.length);
  const t0 = now();
  await sql(ctx.DB, `insert into event (id, tenant_id, type, payload, accepted_at)
      select uuid_generate_v7(), 'bench-history', '${EVENT}', '{"event":"${EVENT}","created":"2026-01-01T00:00:00.000000Z","request_id":null,"trace_id":null,"data":{"id":' || g || ',"pad":"${'x'.repeat(900)}"},"changes":null}',
        now() - interval '2 days'
      from generate_series(1, ${events}) g;
    insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, max_attempts,
        next_attempt_at, lease_owner, lease_until, created_at, updated_at)
      select uuid_generate_v7(), e.tenant_id, e.id, w.id, e.type, e.id, 'succeeded', 1, 8, e.accepted_at, null, null,
        e.accepted_at, e.accepted_at
      from event e cross join (select id from webhook where tenant_id = 'bench-f10') w
      where e.tenant_id = 'bench-history';
    insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt, method, url,
        request_headers, response_status, response_reason, response_headers, response_body, duration_ms, error_kind,
        error_message, outcome, next_attempt_at, created_at)
      select uuid_generate_v7(), d.tenant_id, d.id, d.webhook_id, d.event_id, d.event_type, 1, 'post',
        'http://127.0.0.1:1/h/history', '{"Content-Type":"application/json","User-Agent":"perscom-webhooks/1.0 (+https://perscom.io)","Signature":"[redacted]","webhook-id":"msg_x","webhook-timestamp":"1700000000","webhook-signature":"v1,[redacted]"}',
        200, 'OK', '{"content-length":["2"],"content-type":["text/plain"],"connection":["keep-alive"]}', 'ok', 1, null,
        null, 'succeeded', null, d.created_at
      from delivery d where d.tenant_id = 'bench-history';`);
  await sql(ctx.DB, 'vacuum analyze event, delivery, delivery_attempt');
  const seconds = round((now() - t0) / 1000, 1);
  log(`history: ${deliveries} finished deliveries with attempts seeded and analyzed in ${seconds} s`);
  return { deliveries: events * list.length, events, seconds };
}

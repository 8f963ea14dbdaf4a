// Machine limits, database side: pgbench writing the service's own rows (fan-out 10 deliveries, batched as the
// service batches them) with the service stopped.
import fs from 'node:fs';
import path from 'node:path';

import { now, log, run, sql, round, PG } from '../lib/util.mjs';
import { EVENT } from '../lib/run.mjs';
import { batchFor } from '../lib/load.mjs';
import { pgWrites } from './pg-writes.mjs';

/** Ingest transactions: `eventsPerTxn` FAN_OUT-shaped statements (an event and its delivery rows each). */
function ingestScript(tenant, eventsPerTxn) {
  const payload = JSON.stringify({ event: EVENT, created: '2026-01-01T00:00:00.000000Z', request_id: null,
    trace_id: null, data: { id: 1, pad: 'x'.repeat(900) }, changes: null }).replace(/'/g, "''");
  const fanOutStatement = `with ev as (
    insert into event (id, tenant_id, type, payload, trace_id, accepted_at)
    values (gen_random_uuid(), '${tenant}', '${EVENT}', '${payload}', null, now()) returning id, tenant_id, type
  ), d as (
    insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, max_attempts,
        next_attempt_at, lease_owner, lease_until, created_at, updated_at)
    select uuid_generate_v7(), ev.tenant_id, ev.id, w.id, ev.type, ev.id, 'pending', 0, 8, now(), 'pgbench',
        now() + interval '5 minutes', now(), now()
    from ev join webhook w on w.tenant_id = ev.tenant_id and w.enabled and w.events @> array[ev.type]::text[]
    returning id
  ) select count(*) from d;`;
  return `BEGIN;\n${Array.from({ length: eventsPerTxn }, () => fanOutStatement).join('\n')}\nCOMMIT;\n`;
}

/** Record transactions: `recordBatch` delivery_attempt rows (the service's headers) and their delivery updates. */
function recordScript(recordBatch) {
  const requestHeaders = JSON.stringify({ 'Content-Type': 'application/json', 'User-Agent': 'perscom-webhooks/1.0 (+https://perscom.io)',
    Signature: '[redacted]', 'webhook-id': 'msg_00000000-0000-0000-0000-000000000000', 'webhook-timestamp': '1700000000',
    'webhook-signature': 'v1,[redacted]' });
  const responseHeaders = JSON.stringify({ 'content-length': ['2'], 'content-type': ['text/plain'],
    date: ['Mon, 01 Jan 2026 00:00:00 GMT'], connection: ['keep-alive'], 'keep-alive': ['timeout=60'] });
  return `BEGIN;
with todo as (
    select id, tenant_id, event_id, webhook_id, event_type from delivery
    where status = 'pending' and lease_owner = 'pgbench' order by next_attempt_at limit ${recordBatch} for update skip locked
), a as (
    insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt, method, url,
        request_headers, response_status, response_reason, response_headers, response_body, duration_ms, error_kind,
        error_message, outcome, next_attempt_at, created_at)
    select uuid_generate_v7(), t.tenant_id, t.id, t.webhook_id, t.event_id, t.event_type, 1, 'post',
        'http://127.0.0.1:9999/h/bench-f10/0', '${requestHeaders}'::jsonb, 200, 'OK', '${responseHeaders}'::jsonb, 'ok',
        1, null, null, 'succeeded', null, now()
    from todo t
)
update delivery d set status = 'succeeded', attempts = 1, next_attempt_at = d.next_attempt_at, lease_owner = null,
    lease_until = null, updated_at = now()
from todo where d.id = todo.id;
COMMIT;
`;
}

/** pgbench on the same tables with the service stopped: the rows of fan-out 10 deliveries, batched as the service does. */
export async function limitsPgbench(ctx) {
  const { S, DB, RAW } = ctx;
  const tenant = 'bench-f10';
  const fanout = ctx.hooks[tenant]?.length || 10;
  const eventsPerTxn = batchFor(fanout);
  const recordBatch = eventsPerTxn * fanout;
  const counts = async () => (await sql(DB, `select (select count(*) from event where tenant_id = '${tenant}'),
      (select count(*) from delivery where tenant_id = '${tenant}'),
      (select count(*) from delivery where tenant_id = '${tenant}' and status = 'succeeded'),
      (select count(*) from delivery_attempt where tenant_id = '${tenant}')`))[0].map(Number);
  const base = await counts();
  const ingest = path.join(RAW, 'pgbench-ingest.sql');
  const record = path.join(RAW, 'pgbench-record.sql');
  fs.writeFileSync(ingest, ingestScript(tenant, eventsPerTxn));
  fs.writeFileSync(record, recordScript(recordBatch));
  log(`limits: pgbench for ${S.pgbenchSecs} s (ingest: ${eventsPerTxn} fan-out statements per transaction; record: ${recordBatch} attempts + delivery updates per transaction)`);
  const writes = await pgWrites(ctx);
  const t0 = now();
  const { stdout } = await run('pgbench', ['-n', '-h', PG.host, '-p', PG.port, '-U', PG.user, '-c', '4', '-j', '2',
    '-T', String(S.pgbenchSecs), '-f', `${ingest}@1`, '-f', `${record}@1`, DB], { timeout: (S.pgbenchSecs + 60) * 1000 });
  const elapsed = (now() - t0) / 1000;
  const usage = ctx.sampler.usage(t0 + 500, now() - 500);
  const [events, deliveries, done, attempts] = (await counts()).map((v, i) => v - base[i]);
  const pg = await writes.finish(done);
  const rows = events + deliveries + attempts + done;
  const r = { tool: 'pgbench -c4 -j2', seconds: round(elapsed, 1), tenant, fanout, events_per_ingest_txn: eventsPerTxn,
    attempts_per_record_txn: recordBatch, events, deliveries_inserted: deliveries, deliveries_completed: done,
    attempts_inserted: attempts, rows_per_s: Math.round(rows / elapsed),
    completed_deliveries_per_s: Math.round(done / elapsed), inserted_deliveries_per_s: Math.round(deliveries / elapsed),
    postgres_writes: pg, usage, output: stdout.trim().split('\n').filter((l) => /tps|latency|transactions|script/.test(l)) };
  log(`limits: pgbench ${r.rows_per_s} rows/s = ${r.completed_deliveries_per_s} completed deliveries/s`);
  return r;
}

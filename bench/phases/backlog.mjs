// Backlog drain after a receiver outage: deliveries due now, inserted with SQL, claimed by the running service's
// poller; measured for a bounded window, then the service is stopped and the rest of the drain extrapolated.
import { now, sleep, log, sql, sqlValue, round } from '../lib/util.mjs';
import { EVENT } from '../lib/run.mjs';
import { stopService } from '../lib/service.mjs';
import { receiverCount, receiverDump, resetState } from '../lib/receiver-control.mjs';
import { minOf, maxOf, perSecond } from '../lib/arrivals.mjs';
import { verify } from '../lib/verify.mjs';
import { profileWindow } from '../lib/profile.mjs';
import { pgWrites } from './pg-writes.mjs';

/** `eventsN` events for the tenant, each with a due delivery per webhook, in one transaction (V2__delivery.sql). */
async function insertBacklog(ctx, tenant, eventsN) {
  const payloadPad = 'x'.repeat(900);
  await sql(ctx.DB, `begin;
    insert into event (id, tenant_id, type, payload, accepted_at)
      select uuid_generate_v7(), '${tenant}', '${EVENT}',
        '{"event":"${EVENT}","created":"2026-01-01T00:00:00.000000Z","request_id":null,"trace_id":null,"data":{"id":' || g
          || ',"pad":"${payloadPad}"},"changes":null}', now() - interval '10 minutes'
      from generate_series(1, ${eventsN}) g;
    insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, max_attempts,
        next_attempt_at, lease_owner, lease_until, created_at, updated_at)
      select uuid_generate_v7(), e.tenant_id, e.id, w.id, e.type, e.id, 'pending', 1, 8,
        now() - random() * interval '5 minutes', null, null, now() - interval '10 minutes', now() - interval '10 minutes'
      from event e cross join (select id from webhook where tenant_id = '${tenant}') w
      where e.tenant_id = '${tenant}';
    commit;`);
}

export async function backlog(ctx) {
  const { S, DB, result } = ctx;
  const label = 'backlog';
  const n = S.backlog;
  const tenant = 'bench-backlog';
  const list = ctx.hooks[tenant];
  const eventsN = Math.ceil(n / list.length);
  log(`${label}: inserting ${n} due deliveries (${eventsN} events x ${list.length} webhooks) with SQL`);
  await resetState(ctx);
  // No previous phase may have left work behind: the drain is measured from an otherwise idle service.
  const leftover = Number(await sqlValue(DB, `select count(*) from delivery where status = 'pending'
      and lease_owner is distinct from 'pgbench'`));
  if (leftover) result.notes.push(`${leftover} deliveries were still pending before the backlog phase.`);
  const t0 = now();
  await insertBacklog(ctx, tenant, eventsN);
  // The service starts claiming as soon as the transaction commits.
  const committed = now();
  const insertSeconds = round((committed - t0) / 1000, 1);
  log(`${label}: committed in ${insertSeconds} s; measuring the drain for at most ${S.backlogWindow} s`);
  const writes = await pgWrites(ctx);
  const profiling = ctx.opt.profile ? sleep(Math.min(10, S.backlogWindow / 4) * 1000)
    .then(() => profileWindow(ctx, 'backlog', Math.min(30, Math.floor(S.backlogWindow / 2)))) : null;
  while (now() - committed < S.backlogWindow * 1000) {
    await sleep(1000);
    if (await receiverCount(ctx) >= n) break;
  }
  const windowEnd = now();
  const profile = profiling ? await profiling : null;
  const usage = ctx.sampler.usage(committed, windowEnd);
  const rssWhileDraining = usage?.rss?.service;
  // Stop the service to end the drain; deliveries in flight at that moment keep their lease and are retried by a
  // later replica (at-least-once), which the verification reports separately.
  const stop = await stopService(ctx);
  const dump = await receiverDump(ctx);
  const arrived = dump.t.length;
  const first = minOf(dump.t);
  const last = maxOf(dump.t);
  const drainedAll = arrived >= n;
  const steadyFrom = first + 5000;
  let steadyN = 0;
  for (const t of dump.t) if (t >= steadyFrom) steadyN++;
  const steadyRate = last > steadyFrom ? steadyN / ((last - steadyFrom) / 1000) : arrived / ((last - first) / 1000);
  const v = await verify(ctx, label, { acceptedDeliveries: null, dump, since: t0, stopped: true });
  const state = Object.fromEntries((await sql(DB, `select status || case when lease_until is not null then ' (leased)'
      else '' end, count(*) from delivery group by 1`)).map(([k, c]) => [k, Number(c)]));
  const pg = await writes.finish(v.succeeded);
  const r = {
    label, backlog_deliveries: n, events: eventsN, webhooks: list.length, insert_seconds: insertSeconds,
    window_s: S.backlogWindow, measured_s: round((windowEnd - committed) / 1000, 1),
    first_arrival_after_commit_ms: Math.round(first - committed),
    arrived_in_window: arrived, drained_completely: drainedAll,
    drain_rate_per_s: round(arrived / ((windowEnd - committed) / 1000), 0),
    steady_drain_rate_per_s: round(steadyRate, 0),
    drain_seconds: drainedAll ? round((last - committed) / 1000, 1) : null,
    extrapolated_drain_seconds: drainedAll ? null : round((n - arrived) / steadyRate + (windowEnd - committed) / 1000, 0),
    extrapolated: !drainedAll,
    arrivals_per_second: perSecond(dump, 0, committed, (windowEnd - committed) / 1000),
    delivery_state_after_stop: state, service_stop: stop, usage, rss_while_draining: rssWhileDraining,
    postgres_writes: pg, verification_ok: v.ok,
  };
  if (profile) r.profile = profile;
  log(`${label}: ${arrived} of ${n} delivered in ${r.measured_s} s (steady ${r.steady_drain_rate_per_s}/s); ${drainedAll
    ? `drained in ${r.drain_seconds} s` : `extrapolated full drain ${r.extrapolated_drain_seconds} s`}`);
  return r;
}

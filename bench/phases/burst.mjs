// Ingest burst: how many events/s the ingest API accepts when nothing holds the client back, and how long the
// pile-up takes to drain.
import { now, log, round } from '../lib/util.mjs';
import { receiverDump, resetState } from '../lib/receiver-control.mjs';
import { runDriver, drain, clockOffset } from '../lib/load.mjs';
import { latencyStats, ingestStats, arrivalsIn, maxOf } from '../lib/arrivals.mjs';
import { verify } from '../lib/verify.mjs';

export async function burst(ctx) {
  // Ingest as fast as the batch endpoint accepts, with no window: the deliveries pile up in memory (up to
  // max-queued) and then in the database, and drain afterwards.
  const label = 'ingest-burst';
  const tenant = 'bench-f1';
  const seconds = ctx.S.burstSecs;
  log(`${label}: unthrottled ingest for ${seconds} s (batches of 100 events, fan-out 1, 4 connections)`);
  const since = await resetState(ctx);
  const { summary, events } = await runDriver(ctx, label, ['--mode', 'closed', '--tenant', tenant, '--fanout', 1,
    '--batch', 100, '--concurrency', 4, '--window', 1e12, '--duration', seconds]);
  const tEnd = now();
  const d = await drain(ctx, summary.deliveries_accepted);
  const dump = await receiverDump(ctx);
  const offset = clockOffset(summary);
  const win = [summary.t_start, summary.t_start + seconds * 1000];
  const ingest = ingestStats(events, win);
  const v = await verify(ctx, label, { acceptedDeliveries: summary.deliveries_accepted, dump, since });
  const r = { label, tenant, fanout: 1, seconds, events_accepted: summary.events_accepted,
    events_accepted_per_s: round(ingest.accepted / seconds, 0), ingest_response_ms: ingest.response_ms,
    deliveries_during_burst_per_s: round(arrivalsIn(dump, offset, win) / seconds, 0),
    drain_after_burst_s: round((d.drained ? (maxOf(dump.t) - offset - tEnd) : NaN) / 1000, 1),
    latency: latencyStats(events, dump, offset, {}), usage: ctx.sampler.usage(win[0], win[1]), drain: d,
    verification_ok: v.ok, driver: summary };
  log(`${label}: ${r.events_accepted_per_s} events/s accepted; deliveries during the burst ${r.deliveries_during_burst_per_s}/s`);
  return r;
}

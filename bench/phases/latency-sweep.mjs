// Latency against offered load: open-loop runs at fixed rates, from light load up to the first rate the service
// cannot keep up with. The fixed-rate run is also the cost-growth cells' 1 000 deliveries/s measurement.
import { log, round } from '../lib/util.mjs';
import { receiverDump, receiverStats, resetState, signatureDelta } from '../lib/receiver-control.mjs';
import { runDriver, drain, clockOffset, disturbed } from '../lib/load.mjs';
import { latencyStats, ingestStats } from '../lib/arrivals.mjs';
import { verify } from '../lib/verify.mjs';

/** Open loop: single-event requests at a fixed rate (deliveries/s = events/s x fan-out). */
export async function fixedRate(ctx, label, { tenant, fanout, payload = 1024, deliveriesPerS, seconds, skip = 2 }) {
  const eventsPerS = deliveriesPerS / fanout;
  log(`${label}: fixed rate ${deliveriesPerS} deliveries/s (${round(eventsPerS, 1)} events/s x fan-out ${fanout}) for ${seconds} s`);
  const since = await resetState(ctx);
  const statsBefore = await receiverStats(ctx);
  const { summary, events } = await runDriver(ctx, label, ['--mode', 'open', '--tenant', tenant, '--rate', eventsPerS,
    '--duration', seconds, '--payload-bytes', payload]);
  const d = await drain(ctx, summary.deliveries_accepted);
  const dump = await receiverDump(ctx);
  const offset = clockOffset(summary);
  const win = [summary.t_start + skip * 1000, summary.t_start + seconds * 1000];
  const lat = latencyStats(events, dump, offset, { schedWindow: win });
  const usage = ctx.sampler.usage(win[0], win[1]);
  const v = await verify(ctx, label, { acceptedDeliveries: summary.deliveries_accepted, dump, since });
  const statsAfter = await receiverStats(ctx);
  const r = {
    label, tenant, fanout, payload_bytes: payload, offered_deliveries_per_s: deliveriesPerS,
    offered_events_per_s: round(eventsPerS, 2), seconds, skipped_s: skip,
    achieved_deliveries_per_s: round(lat.matched / (seconds - skip), 0),
    ingest_response_ms: ingestStats(events, null).response_ms,
    latency: lat, driver: summary, drain: d, usage,
    signatures: signatureDelta(statsBefore, statsAfter),
    verification_ok: v.ok,
  };
  disturbed(ctx, r);
  const l = lat.ingest_accepted_to_arrival_ms;
  log(`${label}: p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} max ${l.max} ms over ${l.count} deliveries; drain ${d.seconds} s; verification ${v.ok ? 'ok' : 'FAILED'}`);
  return r;
}

/** The sweep's points, lowest rate first; stops after the first point that cannot keep up. */
export async function latencySweep(ctx) {
  const { S, fanout } = ctx;
  const points = [];
  for (const rate of S.sweepRates) {
    const seconds = rate === 1000 ? S.sweep1000Secs : S.sweepSecs;
    const p = await fixedRate(ctx, `sweep-${rate}`, { tenant: `bench-f${fanout}`, fanout, payload: ctx.opt.payloadBytes,
      deliveriesPerS: rate, seconds });
    points.push(p);
    const l = p.latency.ingest_accepted_to_arrival_ms;
    if (p.achieved_deliveries_per_s < 0.9 * rate || (l.p99 ?? 0) > 2000 || !p.drain.drained) {
      log(`sweep: saturated at ${rate} deliveries/s offered (achieved ${p.achieved_deliveries_per_s}); stopping the sweep`);
      break;
    }
  }
  return points;
}

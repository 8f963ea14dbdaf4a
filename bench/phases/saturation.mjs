// Saturation: the service delivering flat out. The closed-loop run is also what the cost-growth cells and the lean
// variant measure.
import { sleep, log, round } from '../lib/util.mjs';
import { receiverDump, receiverStats, resetState, signatureDelta } from '../lib/receiver-control.mjs';
import { runDriver, drain, clockOffset, batchFor, disturbed } from '../lib/load.mjs';
import { latencyStats, ingestStats, arrivalsIn, perSecond } from '../lib/arrivals.mjs';
import { verify } from '../lib/verify.mjs';
import { profileWindow } from '../lib/profile.mjs';
import { pgWrites } from './pg-writes.mjs';

/**
 * Closed loop on the batch endpoint with at most `window` deliveries accepted but not yet arrived.
 * Deliveries/s and latency are taken over [warm, warm + measure] seconds after the start.
 */
export async function saturation(ctx, label, { tenant, fanout, payload = 1024, warm, measure,
  window = ctx.opt.window || 1000, concurrency = 4, profile = false, pgStats = false }) {
  log(`${label}: saturation, fan-out ${fanout}, payload ${payload} B, ${warm} s warm-up + ${measure} s`);
  const since = await resetState(ctx);
  const statsBefore = await receiverStats(ctx);
  const writes = pgStats ? await pgWrites(ctx, { settle: true }) : null;
  const recordings = [];
  if (profile && ctx.opt.profile) {
    recordings.push(sleep(warm * 1000).then(() => profileWindow(ctx, label, measure)));
  }
  const { summary, events } = await runDriver(ctx, label, ['--mode', 'closed', '--tenant', tenant, '--fanout', fanout,
    '--batch', batchFor(fanout), '--concurrency', concurrency, '--window', window, '--duration', warm + measure,
    '--payload-bytes', payload]);
  const d = await drain(ctx, summary.deliveries_accepted);
  const profiles = await Promise.all(recordings);
  const dump = await receiverDump(ctx);
  const offset = clockOffset(summary);
  const win = [summary.t_start + warm * 1000, summary.t_start + (warm + measure) * 1000];
  const delivered = arrivalsIn(dump, offset, win);
  const ingest = ingestStats(events, win);
  const usage = ctx.sampler.usage(win[0], win[1]);
  const v = await verify(ctx, label, { acceptedDeliveries: summary.deliveries_accepted, dump, since });
  const statsAfter = await receiverStats(ctx);
  let pg = null;
  if (writes) {
    log(`${label}: waiting 11 s for PostgreSQL's table statistics to be flushed`);
    pg = await writes.finish(v.delivery_rows);
  }
  const r = {
    label, tenant, fanout, payload_bytes: payload, window_deliveries: window, concurrency, batch: batchFor(fanout),
    warmup_s: warm, measured_s: measure,
    deliveries_per_s: round(delivered / measure, 0),
    events_accepted_per_s: round(ingest.accepted / measure, 0),
    ingest_response_ms: ingest.response_ms,
    latency: latencyStats(events, dump, offset, { arrivalWindow: win }),
    arrivals_per_second: perSecond(dump, offset, summary.t_start, warm + measure),
    driver: { ...summary, clock: summary.clock },
    drain: d, usage, postgres_writes: pg,
    signatures: signatureDelta(statsBefore, statsAfter),
    verification_ok: v.ok,
  };
  if (profiles.length) r.profile = profiles[0];
  disturbed(ctx, r);
  log(`${label}: ${r.deliveries_per_s} deliveries/s, ${r.events_accepted_per_s} events/s, p99 ${r.latency
    .ingest_accepted_to_arrival_ms.p99} ms, service CPU ${usage?.cpu_pct_of_one_core.service} %, RSS max ${usage?.rss
    .service?.max_mb} MB, verification ${v.ok ? 'ok' : 'FAILED'}`);
  return r;
}

/**
 * A short JIT warm-up run (not verified in the report), then the measured saturation phase at the main fan-out and
 * payload, so the measured window is the steady state.
 */
export async function warmedSaturation(ctx, warmUpLabel, label, extra = {}) {
  const { fanout } = ctx;
  const tenant = `bench-f${fanout}`;
  await saturation(ctx, warmUpLabel, { tenant, fanout, warm: 0, measure: ctx.quick ? 5 : 10 });
  ctx.result.verification.pop();
  return saturation(ctx, label, { tenant, fanout, payload: ctx.opt.payloadBytes, warm: ctx.S.satWarm,
    measure: ctx.S.satMeasure, ...extra });
}

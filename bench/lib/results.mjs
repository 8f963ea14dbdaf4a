// The end of a run: targets and ratios, then the result JSON, the latency plot, the markdown report, and the
// results index (README.md, latest.md) in the results directory.
import fs from 'node:fs';
import path from 'node:path';

import { run, round } from './util.mjs';
import { BENCH } from './run.mjs';
import { markdown } from './report.mjs';
import { updateIndex } from './results-index.mjs';

function targets(result) {
  const sat = result.saturation;
  const at1000 = result.sweep.find((p) => p.offered_deliveries_per_s === 1000);
  return [
    { target: '>= 5000 deliveries/s sustained, every attempt logged (fan-out 10)', value: sat?.deliveries_per_s ?? null,
      unit: 'deliveries/s', met: sat ? sat.deliveries_per_s >= 5000 && sat.verification_ok : null },
    { target: 'p99 ingest-to-arrival < 50 ms at 1000 deliveries/s', value: at1000?.latency.ingest_accepted_to_arrival_ms.p99 ?? null,
      unit: 'ms', met: at1000 ? at1000.latency.ingest_accepted_to_arrival_ms.p99 < 50 : null },
    { target: 'service RSS < 300 MB at saturation', value: sat?.usage?.rss?.service?.max_mb ?? null, unit: 'MB',
      met: sat?.usage?.rss?.service ? sat.usage.rss.service.max_mb < 300 : null },
    { target: 'ready < 2 s from process start (JVM, median of the production starts)',
      value: result.startup?.ready_ms_migrated_db_median ?? null, unit: 'ms',
      met: result.startup ? result.startup.ready_ms_migrated_db_median < 2000 : null },
  ];
}

function ratios(result) {
  const sat = result.saturation;
  const { wrk, pgbench } = result.limits;
  const out = {};
  if (sat && wrk) out.deliveries_per_s_vs_wrk_requests_per_s = round(sat.deliveries_per_s / wrk.requests_per_s, 3);
  if (sat && pgbench) out.deliveries_per_s_vs_pgbench_deliveries_per_s = round(sat.deliveries_per_s / pgbench.completed_deliveries_per_s, 3);
  return out;
}

/** The latency plot (python3-matplotlib) from the result JSON; null when there is nothing to plot or it failed. */
async function plot(result, json, png) {
  if (!result.sweep.length) return null;
  const py = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  try {
    await run(py, [path.join(BENCH, 'lib', 'plot.py'), json, png]);
    return png;
  } catch (e) {
    result.errors.push(`plot: ${String(e.message).slice(0, 300)}`);
    return null;
  }
}

/**
 * Writes bench-<time>[-quick].{json,png,md} into the results directory and, for a full run, updates its index.
 * Returns the files' common path without extension, the markdown, and the index (null for a quick run).
 */
export async function writeReport(ctx) {
  const { result, RESULTS } = ctx;
  result.meta.finished_at = new Date().toISOString();
  result.meta.duration_s = round((Date.now() - ctx.startedAt.getTime()) / 1000, 0);
  result.ratios = ratios(result);
  result.targets = targets(result);
  result.verification_ok = result.verification.length ? result.verification.every((v) => v.ok) : null;
  fs.mkdirSync(RESULTS, { recursive: true });
  const base = path.join(RESULTS, `bench-${ctx.STAMP}${ctx.quick ? '-quick' : ''}`);
  const json = `${base}.json`;
  fs.writeFileSync(json, JSON.stringify(result, null, 2));
  const png = await plot(result, json, `${base}.png`);
  // Again: the plot may have added an error.
  fs.writeFileSync(json, JSON.stringify(result, null, 2));
  const md = markdown(result, { png: png ? path.basename(png) : null, json: path.basename(json) });
  fs.writeFileSync(`${base}.md`, md);
  const index = ctx.quick ? null : path.join(RESULTS, 'README.md');
  if (index) updateIndex(RESULTS);
  return { base, md, index };
}

// Running the load driver (driver.mjs) against the service, and waiting for what it sent to arrive.
import fs from 'node:fs';
import path from 'node:path';

import { now, sleep, log, sqlValue, round, startChild } from './util.mjs';
import { BENCH } from './run.mjs';
import { receiverCount } from './receiver-control.mjs';

/** Runs the driver to its end; returns its summary and every event it posted, by id. */
export async function runDriver(ctx, label, args) {
  const out = path.join(ctx.RAW, `driver-${label}.txt`);
  const child = startChild(process.execPath, [path.join(BENCH, 'lib', 'driver.mjs'), '--service', ctx.service.base,
    '--receiver', ctx.receiver.base, '--out', out, ...args.map(String)],
  { env: { ...process.env, BENCH_TOKEN: ctx.publishToken }, logStream: fs.createWriteStream(path.join(ctx.RAW,
    `driver-${label}.log`)) });
  ctx.children.add(child);
  ctx.sampler.track('driver', child.pid);
  let last = '';
  child.stdout.on('data', (c) => { last += c.toString('utf8'); });
  await child.exited;
  ctx.children.delete(child);
  const summary = JSON.parse(last.trim().split('\n').pop());
  if (summary.fatal) throw new Error(`driver ${label}: ${summary.fatal}`);
  const events = new Map();
  for (const line of fs.readFileSync(out, 'utf8').split('\n')) {
    if (!line) continue;
    const [id, sched, sent, acc, status, deliveries] = line.split(' ');
    events.set(id, { sched: Number(sched), sent: Number(sent), acc: Number(acc), status: Number(status),
      deliveries: Number(deliveries) });
  }
  if (summary.errors) {
    log(`driver ${label}: ${summary.errors} failed requests, first: ${summary.first_error}`);
  }
  return { summary, events };
}

/** The receiver's clock minus the driver's (ms), as the driver measured it; 0 when it could not. */
export const clockOffset = (summary) => (summary.clock ? summary.clock.offset_ms : 0);

/** Waits until every accepted delivery has arrived and no delivery is pending in the database (bounded). */
export async function drain(ctx, expected, timeoutS = ctx.S.drainTimeout) {
  const t0 = now();
  let lastCount = -1;
  let stableSince = now();
  const pendingCount = async () => Number(await sqlValue(ctx.DB, "select count(*) from delivery where status = 'pending'"));
  while (now() - t0 < timeoutS * 1000) {
    const n = await receiverCount(ctx);
    if (n !== lastCount) {
      lastCount = n;
      stableSince = now();
    }
    if (n >= expected && now() - stableSince > 300) {
      if (await pendingCount() === 0) return { drained: true, seconds: round((now() - t0) / 1000, 1), arrivals: n };
    }
    await sleep(n >= expected ? 300 : 100);
  }
  const pending = await pendingCount();
  return { drained: false, seconds: round((now() - t0) / 1000, 1), arrivals: lastCount, pending };
}

/** Events per batch request: about 200 deliveries per request, within the API's 100 events per batch. */
export function batchFor(fanout) {
  return Math.min(100, Math.max(1, Math.round(200 / fanout)));
}

/** Marks a phase during which processes outside the benchmark took more than a quarter of a core. */
export function disturbed(ctx, r) {
  const other = r.usage?.cpu_pct_of_one_core?.everything_else;
  r.disturbed = other != null && other > 25;
  if (r.disturbed) {
    ctx.result.notes.push(`Phase ${r.label}: processes outside the benchmark used ${other} % of one core meanwhile; its numbers are pessimistic.`);
  }
}

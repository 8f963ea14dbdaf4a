#!/usr/bin/env node
// The benchmark's orchestrator (run it through bench/run.sh, which builds the jar and checks the tools first).
// Everything runs on this machine, on loopback: PostgreSQL, the production jar, a Node receiver, a Node load driver,
// wrk and pgbench. It runs the phases (bench/phases/) in order against one service and writes the report.
// See bench/README.md for what is measured and how.
import fs from 'node:fs';

import { log } from './lib/util.mjs';
import { parseArgs } from './lib/options.mjs';
import { createRun, stopChildren } from './lib/run.mjs';
import { describeMachine, otherLoad, waitQuiet } from './lib/machine.mjs';
import { freshDatabase, seedHistory } from './lib/database.mjs';
import { startReceiver } from './lib/receiver-control.mjs';
import { startService, stopService } from './lib/service.mjs';
import { createBenchWebhooks } from './lib/webhooks.mjs';
import { summarizeProfile } from './lib/profile.mjs';
import { writeReport } from './lib/results.mjs';
import { startup, recordStart, summarizeStartup } from './phases/startup.mjs';
import { authChecks } from './phases/auth-checks.mjs';
import { limitsWrk } from './phases/limits-wrk.mjs';
import { warmedSaturation } from './phases/saturation.mjs';
import { latencySweep } from './phases/latency-sweep.mjs';
import { burst } from './phases/burst.mjs';
import { growth } from './phases/growth.mjs';
import { lean } from './phases/lean.mjs';
import { limitsPgbench } from './phases/limits-pgbench.mjs';
import { backlog } from './phases/backlog.mjs';

const argv = process.argv.slice(2);
const ctx = createRun(parseArgs(argv), argv);
const { result, sections } = ctx;

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    log(`${sig}: stopping what the benchmark started`);
    await stopChildren(ctx);
    process.exit(130);
  });
}

/** The machine, and who else uses it: waits (bounded) for it to be quiet and notes what was not. */
async function prepareMachine() {
  result.machine = await describeMachine(ctx);
  const maxWait = ctx.opt.waitQuiet ?? (ctx.quick ? 60 : 300);
  if (maxWait > 0) {
    result.meta.wait_for_quiet_machine = await waitQuiet(maxWait);
    if (!result.meta.wait_for_quiet_machine.quiet) {
      result.notes.push(`The machine did not become quiet within ${maxWait} s; the run went ahead anyway.`);
    }
  }
  result.machine.other_busy_processes_at_start = await otherLoad();
  if (result.machine.other_busy_processes_at_start.length) {
    result.notes.push(`Other processes were using CPU when the run started: ${result.machine.other_busy_processes_at_start
      .map((p) => `${p.comm} (${p.cpu_pct} %)`).join(', ')}. Their share during each phase is reported as "everything else".`);
  }
  if (!process.env.WEBHOOKS_LIMITS_TENANT_EVENTS_PER_SECOND) {
    result.notes.push('The per-tenant ingest rate limit (webhooks.limits.tenant-events-per-second, 500 events/s per tenant and replica by default) was lifted to 1 000 000 for the run: the benchmark posts for one tenant at a time and measures the pipeline, not the limiter. With the default, one tenant at fan-out 10 is capped at 5 000 deliveries/s by design.');
  }
}

async function main() {
  log(`results: ${ctx.RESULTS} (raw files in ${ctx.RAW})`);
  await prepareMachine();
  ctx.sampler.track('orchestrator', process.pid);
  ctx.sampler.start();
  await freshDatabase(ctx);
  await startReceiver(ctx);

  result.startup = await startup(ctx);
  result.auth_checks = await authChecks(ctx);
  if (!result.auth_checks.ok) result.errors.push(`Authentication checks did not answer as expected: ${JSON.stringify(result.auth_checks)}`);
  await createBenchWebhooks(ctx);
  result.history = await seedHistory(ctx, ctx.S.history);

  if (sections.has('limits')) result.limits.wrk = await limitsWrk(ctx);
  if (sections.has('saturation')) {
    result.saturation = await warmedSaturation(ctx, 'jit-warm-up', 'saturation', { profile: true, pgStats: true });
    if (result.saturation.profile) result.profile.saturation = await summarizeProfile(ctx, result.saturation.profile);
  }
  if (sections.has('sweep')) result.sweep = await latencySweep(ctx);
  if (sections.has('burst')) result.burst = await burst(ctx);
  if (sections.has('growth')) await growth(ctx);
  if (sections.has('lean')) result.lean = await lean(ctx);
  if (sections.has('pgbench')) {
    // PostgreSQL's own limit for the same rows, with the service stopped; then a fourth start for the backlog.
    await stopService(ctx);
    result.limits.pgbench = await limitsPgbench(ctx);
    if (sections.has('backlog')) {
      recordStart(result.startup, 'restart-3', await startService(ctx, 'restart-3'));
      summarizeStartup(result.startup);
    }
  }
  if (sections.has('backlog')) {
    result.backlog = await backlog(ctx);
    if (result.backlog.profile) result.profile.backlog = await summarizeProfile(ctx, result.backlog.profile);
  }
  await stopService(ctx);
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  exitCode = 1;
  result.errors.push(String(e && e.stack || e));
  log(`FAILED: ${e && e.stack || e}`);
}
await stopChildren(ctx);
ctx.sampler.stop();
const { base, md, index } = await writeReport(ctx);
process.stdout.write(`\n${md}\n`);
process.stdout.write(`Report: ${base}.md\n        ${base}.json${fs.existsSync(`${base}.png`) ? `\n        ${base}.png` : ''}\n`);
if (index) process.stdout.write(`Index:  ${index} (latest.md links to this report)\n`);
if (result.verification_ok === false) exitCode = exitCode || 2;
process.exit(exitCode);

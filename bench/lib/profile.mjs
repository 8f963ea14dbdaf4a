// Profiles of the service during a phase: a JFR recording of the service and `perf record -a` of the whole
// machine, and their summaries for the report (bench/lib/JfrSummary.java, perf report).
import fs from 'node:fs';
import path from 'node:path';

import { now, sleep, run } from './util.mjs';
import { BENCH, ROOT } from './run.mjs';

/** Records the next `seconds` of the running service (JFR) and up to 15 s of the machine (perf). */
export async function profileWindow(ctx, label, seconds) {
  const out = {};
  const jcmd = path.join(ctx.JAVA_HOME, 'bin', 'jcmd');
  const jfr = path.join(ctx.RAW, `${label}.jfr`);
  const tasks = [];
  try {
    await run(jcmd, [String(ctx.service.child.pid), 'JFR.start', `name=${label}`, 'settings=profile',
      'method-profiling=max', `duration=${seconds}s`, `filename=${jfr}`]);
    out.jfr_file = path.relative(ROOT, jfr);
  } catch (e) {
    out.jfr_error = String(e.message).slice(0, 300);
  }
  const perfSeconds = Math.min(15, seconds);
  const perfData = path.join(ctx.RAW, `${label}.perf.data`);
  tasks.push(run('perf', ['record', '-F', '199', '-a', '-o', perfData, '--', 'sleep', String(perfSeconds)],
    { timeout: (perfSeconds + 30) * 1000 }).then(() => { out.perf_file = path.relative(ROOT, perfData); },
    (e) => { out.perf_error = String(e.message).slice(0, 300); }));
  await Promise.all(tasks);
  const t0 = now();
  while (out.jfr_file && !fs.existsSync(jfr) && now() - t0 < (seconds + 30) * 1000) await sleep(500);
  await sleep(1000);
  return out;
}

/** The report's "Where the time goes": JFR by component, hot methods, threads, allocation, GC; perf by process. */
export async function summarizeProfile(ctx, p) {
  const s = {};
  if (p?.jfr_file) {
    try {
      const { stdout } = await run(ctx.JAVA, [path.join(BENCH, 'lib', 'JfrSummary.java'), path.join(ROOT, p.jfr_file)],
        { timeout: 300_000 });
      s.jfr = JSON.parse(stdout);
    } catch (e) {
      s.jfr_error = String(e.message).slice(0, 500);
    }
  }
  if (p?.perf_file) {
    try {
      const file = path.join(ROOT, p.perf_file);
      const parse = (text) => text.split('\n').filter((l) => /^\s+[\d.]+%/.test(l)).slice(0, 20)
        .map((l) => l.trim().replace(/\s+/g, ' '));
      const report = (...args) => run('perf', ['report', '-i', file, '--no-children', ...args, '--stdio'],
        { timeout: 120_000 });
      const byComm = await report('--sort', 'comm');
      const byDso = await report('--sort', 'comm,dso');
      const pgSyms = await report('--comms', 'postgres', '--sort', 'sym');
      s.perf = { by_process: parse(byComm.stdout), by_process_and_object: parse(byDso.stdout),
        postgres_top_symbols: parse(pgSyms.stdout) };
    } catch (e) {
      s.perf_error = String(e.message).slice(0, 500);
    }
  }
  return s;
}

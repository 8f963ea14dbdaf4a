// The machine the benchmark runs on: what it is (CPU, memory, JDK, PostgreSQL and its settings, the git checkout),
// and who else is using its cores.
import fs from 'node:fs';
import os from 'node:os';

import { now, sleep, log, run, sql, sqlValue, round } from './util.mjs';
import { ROOT } from './run.mjs';

export async function describeMachine(ctx) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (/model name\s*:\s*(.*)/.exec(cpuinfo) || [])[1] || os.cpus()[0]?.model;
  const mem = Number((/MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8')) || [])[1]) * 1024;
  const jdk = (await run(ctx.JAVA, ['-version']).catch((e) => ({ stderr: String(e) }))).stderr.split('\n')
    .filter(Boolean).join(' / ');
  const pgVersion = await sqlValue('postgres', 'select version()');
  const settings = Object.fromEntries((await sql('postgres', `select name, setting || coalesce(unit, '')
      from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'full_page_writes',
      'wal_level', 'max_connections', 'commit_delay', 'checkpoint_timeout', 'max_wal_size', 'work_mem')`)));
  const wrk = await run('wrk', ['-v']).then((r) => r.stdout + r.stderr, (e) => `${e.stdout || ''}\n${e.message}`)
    .then((text) => (/^wrk \S+/m.exec(text) || ['wrk (version unknown)'])[0]);
  let git = null;
  try {
    const commit = (await run('git', ['-C', ROOT, 'rev-parse', 'HEAD'])).stdout.trim();
    const dirty = (await run('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'pom.xml'])).stdout
      .split('\n').filter(Boolean).length;
    git = { commit, uncommitted_files_in_src_or_pom: dirty };
  } catch { /* not a git checkout */ }
  const load = fs.readFileSync('/proc/loadavg', 'utf8').trim();
  return { nproc: os.cpus().length, memory_gib: round(mem / 2 ** 30, 1), cpu_model: model, kernel: os.release(),
    jdk, node: process.version, postgres: { version: pgVersion, settings }, wrk,
    load_average_at_start: load, git };
}

/** The busiest processes that are not part of the benchmark, over one second: others sharing the 2 cores. */
export async function otherLoad() {
  const ticks = () => {
    const m = new Map();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const s = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        m.set(name, { comm, t: Number(f[11]) + Number(f[12]) });
      } catch { /* gone */ }
    }
    return m;
  };
  const a = ticks();
  await sleep(1000);
  const b = ticks();
  const busy = [];
  for (const [pid, v] of b) {
    const before = a.get(pid);
    if (before && v.t - before.t > 5) busy.push({ pid: Number(pid), comm: v.comm, cpu_pct: v.t - before.t });
  }
  return busy.sort((x, y) => y.cpu_pct - x.cpu_pct).slice(0, 8);
}

/** Waits (bounded) until the processes outside the benchmark use less than 25 % of one core for 5 s in a row. */
export async function waitQuiet(maxSeconds) {
  const t0 = now();
  let quiet = 0;
  let last = [];
  while (now() - t0 < maxSeconds * 1000) {
    last = await otherLoad();
    const busy = last.reduce((s, p) => s + p.cpu_pct, 0);
    quiet = busy < 25 ? quiet + 1 : 0;
    if (quiet >= 5) return { waited_s: round((now() - t0) / 1000, 0), quiet: true };
    if (quiet === 0 && Math.round((now() - t0) / 1000) % 30 < 1) {
      log(`waiting for a quieter machine: ${last.map((p) => `${p.comm} ${p.cpu_pct} %`).join(', ')}`);
    }
  }
  return { waited_s: round((now() - t0) / 1000, 0), quiet: false, busy: last };
}

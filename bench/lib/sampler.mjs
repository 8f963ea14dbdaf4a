// Samples CPU time and RSS of the processes sharing the machine during the benchmark (from /proc), so every phase
// can say where the 2 cores went: the service, the receiver, the load driver, PostgreSQL (backends of the benchmark's
// database, and the rest of the server), and everything else on the machine.
import fs from 'node:fs';
import { now } from './util.mjs';

const CLK_TCK = 100;

function statTicks(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime (fields 14 and 15)
  } catch {
    return null;
  }
}

function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function machineTicks() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = line[3] + line[4];
  return { busy: total - idle, total };
}

function postgresTicks(db) {
  let ours = 0;
  let rest = 0;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmd;
    try {
      cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.startsWith('postgres') && !cmd.includes('/bin/postgres')) continue;
    const t = statTicks(name) || 0;
    if (cmd.includes(` ${db} `)) {
      ours += t;
    } else {
      rest += t;
    }
  }
  return { ours, rest };
}

export class Sampler {
  constructor(db, intervalMs = 500) {
    this.db = db;
    this.intervalMs = intervalMs;
    this.pids = {};
    this.samples = [];
    this.timer = null;
  }

  track(name, pid) {
    this.pids[name] = pid;
  }

  sample() {
    const s = { t: now(), machine: machineTicks(), pg: postgresTicks(this.db), ticks: {}, rss: {} };
    for (const [name, pid] of Object.entries(this.pids)) {
      if (!pid) continue;
      s.ticks[name] = statTicks(pid);
      s.rss[name] = rssBytes(pid);
    }
    this.samples.push(s);
    return s;
  }

  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  /**
   * CPU use (in % of one core; 200 % = both cores) and RSS between two times. Processes that started or ended inside
   * the window count from their first or to their last sample.
   */
  usage(tA, tB) {
    const inWindow = this.samples.filter((s) => s.t >= tA - this.intervalMs && s.t <= tB + this.intervalMs);
    if (inWindow.length < 2) return null;
    const a = inWindow[0];
    const b = inWindow[inWindow.length - 1];
    const seconds = (b.t - a.t) / 1000;
    const pct = (ticks) => Math.round((ticks / CLK_TCK / seconds) * 1000) / 10;
    const cpu = {};
    for (const name of Object.keys(this.pids)) {
      const first = inWindow.find((s) => s.ticks[name] != null);
      const last = [...inWindow].reverse().find((s) => s.ticks[name] != null);
      cpu[name] = first && last && last !== first ? pct(last.ticks[name] - first.ticks[name]) : null;
    }
    cpu.postgres_bench_db = pct(Math.max(0, b.pg.ours - a.pg.ours));
    cpu.postgres_other = pct(Math.max(0, b.pg.rest - a.pg.rest));
    cpu.machine_busy = pct(b.machine.busy - a.machine.busy);
    const known = Object.entries(cpu).filter(([k, v]) => k !== 'machine_busy' && v != null)
      .reduce((sum, [, v]) => sum + v, 0);
    cpu.everything_else = Math.round(Math.max(0, cpu.machine_busy - known) * 10) / 10;
    const rss = {};
    for (const name of Object.keys(this.pids)) {
      const values = inWindow.map((s) => s.rss[name]).filter((v) => v != null);
      if (values.length) {
        rss[name] = { max_mb: Math.round(Math.max(...values) / 1048576),
          mean_mb: Math.round(values.reduce((x, y) => x + y, 0) / values.length / 1048576) };
      }
    }
    return { seconds: Math.round(seconds * 10) / 10, cpu_pct_of_one_core: cpu, rss };
  }
}

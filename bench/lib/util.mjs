// Small helpers shared by the benchmark's orchestrator: HTTP on loopback, psql, statistics, processes.
import http from 'node:http';
import net from 'node:net';
import { execFile, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function log(...parts) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${parts.join(' ')}\n`);
}

/** Loopback only: refuses any other address, so no load can leave the machine by mistake. */
export function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!/^127\./.test(host) && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`Refusing a non-loopback target: ${url}`);
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function request(method, url, { headers = {}, body, timeout = 30_000 } = {}) {
  assertLoopback(url);
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const payload = body === undefined ? null : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request({ agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method,
      headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, text, json, headers: res.headers });
      });
    });
    req.setTimeout(timeout, () => req.destroy(new Error(`timeout after ${timeout} ms: ${method} ${url}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function run(cmd, args, { input, env, timeout = 0, maxBuffer = 512 * 1024 * 1024, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { env: env || process.env, timeout, maxBuffer, cwd },
      (error, stdout, stderr) => {
        if (error) {
          error.message += `\n${stderr}`;
          error.stdout = stdout;
          reject(error);
        } else {
          resolve({ stdout, stderr });
        }
      });
    if (input !== undefined) child.stdin.end(input);
  });
}

export const PG = {
  host: process.env.PGHOST || '127.0.0.1',
  port: process.env.PGPORT || '5432',
  user: process.env.PGUSER || 'postgres',
};

/** Runs SQL with psql (tab-separated, unaligned, no headers); returns rows as arrays of strings. */
export async function sql(db, query, { timeout = 0 } = {}) {
  const { stdout } = await run('psql', ['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-F', '\t',
    '-h', PG.host, '-p', PG.port, '-U', PG.user, '-d', db, '-f', '-'], { input: query, timeout });
  return stdout.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
}

export async function sqlValue(db, query) {
  const rows = await sql(db, query);
  return rows.length ? rows[0][0] : null;
}

export function percentiles(values) {
  const n = values.length;
  if (n === 0) return { count: 0 };
  const a = Float64Array.from(values).sort();
  const at = (p) => a[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  let sum = 0;
  for (const v of a) sum += v;
  const r = (v) => Math.round(v * 100) / 100;
  return { count: n, min: r(a[0]), p50: r(at(0.5)), p90: r(at(0.9)), p95: r(at(0.95)), p99: r(at(0.99)),
    p999: r(at(0.999)), max: r(a[n - 1]), mean: r(sum / n) };
}

export const round = (v, d = 1) => (v === null || v === undefined || Number.isNaN(v) ? null
  : Math.round(v * 10 ** d) / 10 ** d);

/** Starts a long-running child; lines of its stdout go to onLine, both streams to logStream. */
export function startChild(cmd, args, { env, logStream, onLine, cwd } = {}) {
  const child = spawn(cmd, args, { env: env || process.env, stdio: ['ignore', 'pipe', 'pipe'], cwd });
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    if (logStream) logStream.write(chunk);
    if (onLine) {
      buffer += chunk.toString('utf8');
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    }
  });
  child.stderr.on('data', (chunk) => { if (logStream) logStream.write(chunk); });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

export async function stopChild(child, { signal = 'SIGTERM', timeout = 30_000 } = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return null;
  const t0 = now();
  child.kill(signal);
  const result = await Promise.race([child.exited, sleep(timeout).then(() => null)]);
  if (result === null) {
    child.kill('SIGKILL');
    await child.exited;
    return { ms: now() - t0, killed: true };
  }
  return { ms: now() - t0, killed: false, ...result };
}

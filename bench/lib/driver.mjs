// Load driver: posts events through the service's real ingest API with a real publish:event token. Node built-ins.
//
// Open loop (latency at a fixed rate; one event per request, as PERSCOM posts them):
//   node driver.mjs --mode open --rate 100 --duration 30 ...
// Closed loop (saturation; batches on a few connections, with at most --window deliveries accepted but not yet
// arrived at the receiver, so the service runs flat out without an unbounded queue building up):
//   node driver.mjs --mode closed --concurrency 4 --batch 20 --window 4000 --fanout 10 --duration 30 ...
// Common: --service http://127.0.0.1:PORT --tenant T --event user.created --payload-bytes 1024 --out FILE
//         --max-events N (hard bound on events sent) --receiver http://127.0.0.1:RPORT (closed loop)
// The token comes from the BENCH_TOKEN environment variable. Every run is bounded in time (--duration plus at most
// 30 s for answers) and in count (--max-events).
//
// FILE gets one line per event: "id t_sched t_sent t_acc status deliveries" (times in epoch ms); a JSON summary is
// printed on stdout at the end.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const num = (k, d) => (args[k] === undefined ? d : Number(args[k]));
const MODE = args.mode || 'open';
const SERVICE = new URL(args.service || 'http://127.0.0.1:8080');
const RECEIVER = args.receiver ? new URL(args.receiver) : null;
for (const u of [SERVICE, RECEIVER]) {
  if (u && !/^127\./.test(u.hostname) && u.hostname !== 'localhost') throw new Error(`not loopback: ${u}`);
}
const TENANT = args.tenant || 'bench';
const EVENT = args.event || 'user.created';
const DURATION = num('duration', 10);
const RATE = num('rate', 100);
const CONCURRENCY = num('concurrency', 4);
const BATCH = num('batch', 20);
const WINDOW = num('window', 4000);
const FANOUT = num('fanout', 1);
const PAYLOAD = num('payload-bytes', 1024);
const MAX_EVENTS = num('max-events', 5_000_000);
const OUT = args.out;
const TOKEN = process.env.BENCH_TOKEN;
if (!TOKEN) throw new Error('BENCH_TOKEN is not set');

const now = () => performance.timeOrigin + performance.now();
const agent = new http.Agent({ keepAlive: true, maxSockets: MODE === 'open' ? 512 : CONCURRENCY + 2 });

// The rendered webhook body is {"event":..,"created":..,"request_id":null,"trace_id":null,"data":{..},"changes":null}
// (about 120 bytes around "data"); the padding makes the whole body about --payload-bytes long.
const ENVELOPE = 120;
function data(i) {
  const base = { id: i, name: `Bench User ${i}`, email: `user${i}@bench.perscom.invalid`, pad: '' };
  const size = JSON.stringify(base).length + ENVELOPE;
  base.pad = 'x'.repeat(Math.max(0, PAYLOAD - size));
  return base;
}
const padCache = data(0).pad;
function event(i) {
  return { id: crypto.randomUUID(), tenant_id: TENANT, event: EVENT,
    data: { id: i, name: `Bench User ${i}`, email: `user${i}@bench.perscom.invalid`, pad: padCache } };
}

const lines = [];
const summary = { mode: MODE, requests: 0, events_sent: 0, events_accepted: 0, deliveries_accepted: 0,
  duplicates: 0, errors: 0, error_statuses: {}, first_error: null, t_start: 0, t_end: 0 };

function post(path, body) {
  return new Promise((resolve) => {
    const payload = Buffer.from(JSON.stringify(body));
    const req = http.request({ agent, host: SERVICE.hostname, port: SERVICE.port, path, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': payload.length,
        authorization: `Bearer ${TOKEN}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, t: now(), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ status: 0, t: now(), body: String(e) }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, t: now(), body: String(e) }));
    req.end(payload);
  });
}

let backoff = 100;
function failed(status, body) {
  if (status === 429 || status === 503) backoff = 250;
  summary.errors++;
  summary.error_statuses[status] = (summary.error_statuses[status] || 0) + 1;
  if (!summary.first_error) summary.first_error = `${status} ${body.slice(0, 300)}`;
}

async function single(i, tSched) {
  const ev = event(i);
  const tSent = now();
  summary.requests++;
  summary.events_sent++;
  const r = await post('/internal/v1/events', ev);
  let deliveries = 0;
  if (r.status === 202) {
    const res = JSON.parse(r.body);
    deliveries = res.deliveries;
    summary.events_accepted++;
    summary.deliveries_accepted += deliveries;
    if (res.duplicate) summary.duplicates++;
  } else {
    failed(r.status, r.body);
  }
  lines.push(`${ev.id} ${tSched.toFixed(3)} ${tSent.toFixed(3)} ${r.t.toFixed(3)} ${r.status} ${deliveries}`);
}

async function batch(first, size) {
  const events = [];
  for (let k = 0; k < size; k++) events.push(event(first + k));
  const tSent = now();
  summary.requests++;
  summary.events_sent += size;
  const r = await post('/internal/v1/events/batch', events);
  let results = null;
  if (r.status === 202) {
    results = JSON.parse(r.body).data;
  } else {
    failed(r.status, r.body);
  }
  for (let k = 0; k < size; k++) {
    const d = results ? results[k].deliveries : 0;
    if (results) {
      summary.events_accepted++;
      summary.deliveries_accepted += d;
      if (results[k].duplicate) summary.duplicates++;
    }
    lines.push(`${events[k].id} ${tSent.toFixed(3)} ${tSent.toFixed(3)} ${r.t.toFixed(3)} ${r.status} ${d}`);
  }
  return results ? results.reduce((s, x) => s + x.deliveries, 0) : 0;
}

function receiverCount() {
  return new Promise((resolve) => {
    http.get({ agent, host: RECEIVER.hostname, port: RECEIVER.port, path: '/_ctl/count' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')).n));
    }).on('error', () => resolve(null));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function receiverClock() {
  return new Promise((resolve) => {
    const t0 = now();
    http.get({ agent, host: RECEIVER.hostname, port: RECEIVER.port, path: '/_ctl/clock' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const t1 = now();
        resolve({ rtt: t1 - t0, offset: JSON.parse(Buffer.concat(chunks).toString('utf8')).t - (t0 + t1) / 2 });
      });
    }).on('error', () => resolve(null));
  });
}

/** Offset of the receiver's clock to this one (receiver minus driver), from the fastest of a few round trips. */
async function clockOffset() {
  if (!RECEIVER) return null;
  const probes = [];
  for (let k = 0; k < 15; k++) {
    const p = await receiverClock();
    if (p) probes.push(p);
  }
  probes.sort((a, b) => a.rtt - b.rtt);
  return probes.length ? { offset_ms: probes[0].offset, rtt_ms: probes[0].rtt } : null;
}

async function openLoop() {
  const total = Math.min(MAX_EVENTS, Math.round(RATE * DURATION));
  const t0 = now() + 20;
  summary.t_start = t0;
  const pending = [];
  let i = 0;
  while (i < total) {
    const t = now();
    while (i < total && t0 + (i * 1000) / RATE <= t) {
      pending.push(single(i, t0 + (i * 1000) / RATE));
      i++;
    }
    if (now() - t0 > (DURATION + 30) * 1000) break; // hard time bound
    const next = t0 + (i * 1000) / RATE;
    await sleep(Math.max(0, Math.min(5, next - now())));
  }
  await Promise.race([Promise.all(pending), sleep(30_000)]);
}

async function closedLoop() {
  if (!RECEIVER) throw new Error('--receiver is needed for the closed loop');
  const base = (await receiverCount()) || 0;
  let arrived = 0;
  let stop = false;
  const t0 = now();
  summary.t_start = t0;
  const deadline = t0 + DURATION * 1000;
  let nextEvent = 0;
  let claimed = 0; // deliveries reserved in the window by requests in flight (estimate: batch * fan-out)
  const poller = (async () => {
    while (!stop) {
      const c = await receiverCount();
      if (c !== null) arrived = c - base;
      await sleep(10);
    }
  })();
  const worker = async () => {
    while (!stop && now() < deadline && nextEvent < MAX_EVENTS) {
      const outstanding = summary.deliveries_accepted + claimed - arrived;
      if (outstanding + BATCH * FANOUT > WINDOW) {
        await sleep(2);
        continue;
      }
      const size = Math.min(BATCH, MAX_EVENTS - nextEvent);
      const first = nextEvent;
      nextEvent += size;
      claimed += size * FANOUT;
      const before = summary.errors;
      await batch(first, size);
      claimed -= size * FANOUT;
      if (summary.errors > before) await sleep(backoff); // 429/503: a well-behaved client waits before the next try
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  stop = true;
  await poller;
}

const hardStop = setTimeout(() => {
  finish('hard time limit reached');
}, (DURATION + 60) * 1000);

let finished = false;
function finish(note) {
  if (finished) return;
  finished = true;
  clearTimeout(hardStop);
  summary.t_end = now();
  const cpu = process.cpuUsage();
  summary.cpu_ms = Math.round((cpu.user + cpu.system) / 1000);
  if (note) summary.note = note;
  if (OUT) fs.writeFileSync(OUT, lines.join('\n') + (lines.length ? '\n' : ''));
  process.stdout.write(JSON.stringify(summary) + '\n');
  process.exit(0);
}

clockOffset().then((clock) => {
  summary.clock = clock;
  return MODE === 'open' ? openLoop() : closedLoop();
}).then(() => finish(), (e) => {
  summary.fatal = String(e && e.stack || e);
  finish();
});

// Loopback webhook receiver for the benchmark: answers every delivery with 200 at once, records when it arrived
// (webhook-id, path, time) and verifies the signatures of a sample (signatures.mjs). Node built-ins only. Tested by
// receiver.test.mjs and signatures.test.mjs (node --test bench/lib/*.test.mjs).
//
//   node receiver.mjs --port 0 --sample 50 [--host 127.0.0.1]
//
// Prints one line "READY <port>" on stdout when it listens. Control endpoints (same port, path prefix /_ctl/):
//   GET  /_ctl/count            {"n": arrivals since the last reset}
//   GET  /_ctl/clock            {"t": this process's clock, epoch ms} (the driver measures its offset to it)
//   GET  /_ctl/stats            counts, signature checks, unknown paths
//   POST /_ctl/reset            forget all arrivals (start of a phase)
//   POST /_ctl/secrets          body {"<path>": "<secret>", ...}: secrets used for the sampled signature checks
//   GET  /_ctl/dump             every arrival since the reset, one "t_ms path webhook-id" line each (t = epoch ms,
//                               sub-millisecond, from performance.timeOrigin + performance.now())
// Stops on SIGTERM/SIGINT, or by itself after --max-seconds (default 3600).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { perscomValid, standardValid } from './signatures.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const HOST = args.host || '127.0.0.1';
const PORT = Number(args.port || 0);
const SAMPLE = Math.max(1, Number(args.sample || 50));
const MAX_SECONDS = Number(args['max-seconds'] || 3600);
if (!/^127\./.test(HOST)) throw new Error('the receiver only listens on loopback');

const origin = performance.timeOrigin;
const now = () => origin + performance.now();

let times = new Float64Array(1 << 16);
let paths = [];
let ids = [];
let n = 0;
let seen = 0; // all deliveries ever, for sampling
const secrets = new Map();
const sig = { checked: 0, ok: 0, bad: 0, no_secret: 0, stale_timestamp: 0, bad_examples: [] };
let unknownPaths = 0;
let controlRequests = 0;

function record(path, id, t) {
  if (n === times.length) {
    const bigger = new Float64Array(times.length * 2);
    bigger.set(times);
    times = bigger;
  }
  times[n] = t;
  paths.push(path);
  ids.push(id);
  n++;
}

function verify(path, headers, body) {
  const secret = secrets.get(path);
  if (secret === undefined) {
    sig.no_secret++;
    return;
  }
  sig.checked++;
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  const okPerscom = perscomValid(secret, body, headers['signature']);
  const okStandard = standardValid(secret, id, ts, body, headers['webhook-signature']);
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) sig.stale_timestamp++;
  if (okPerscom && okStandard) {
    sig.ok++;
  } else {
    sig.bad++;
    if (sig.bad_examples.length < 5) {
      sig.bad_examples.push({ path, id, perscom: okPerscom, standard: okStandard });
    }
  }
}

function json(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function control(req, res, url) {
  controlRequests++;
  if (url === '/_ctl/count') return json(res, 200, { n });
  if (url === '/_ctl/clock') return json(res, 200, { t: now() });
  if (url === '/_ctl/stats') {
    return json(res, 200, { n, seen, signatures: sig, unknown_paths: unknownPaths, secrets: secrets.size,
      rss_bytes: process.memoryUsage().rss });
  }
  if (url === '/_ctl/reset' && req.method === 'POST') {
    times = new Float64Array(1 << 16);
    paths = [];
    ids = [];
    n = 0;
    unknownPaths = 0;
    return json(res, 200, { ok: true });
  }
  if (url === '/_ctl/secrets' && req.method === 'POST') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const map = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const [p, s] of Object.entries(map)) secrets.set(p, s);
      json(res, 200, { secrets: secrets.size });
    });
    return undefined;
  }
  if (url === '/_ctl/dump') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const total = n;
    let i = 0;
    const step = () => {
      while (i < total) {
        const end = Math.min(total, i + 20000);
        let chunk = '';
        for (; i < end; i++) chunk += `${times[i].toFixed(3)} ${paths[i]} ${ids[i]}\n`;
        if (!res.write(chunk)) {
          res.once('drain', step);
          return;
        }
      }
      res.end();
    };
    step();
    return undefined;
  }
  return json(res, 404, { error: 'unknown control endpoint' });
}

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const url = req.url;
  if (url.startsWith('/_ctl/')) return control(req, res, url);
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const id = req.headers['webhook-id'] || '-';
  const check = (seen++ % SAMPLE) === 0;
  const chunks = check ? [] : null;
  req.on('data', (c) => { if (chunks) chunks.push(c); });
  req.on('end', () => {
    const t = now();
    if (!path.startsWith('/h/')) unknownPaths++;
    record(path, id, t);
    res.writeHead(200, { 'content-length': 2, 'content-type': 'text/plain' });
    res.end('ok');
    if (check) verify(path, req.headers, Buffer.concat(chunks));
  });
  return undefined;
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.requestTimeout = 0;
server.maxRequestsPerSocket = 0;
server.listen(PORT, HOST, () => {
  process.stdout.write(`READY ${server.address().port}\n`);
});

const stop = () => {
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, MAX_SECONDS * 1000).unref();

// Machine limits, receiver side: wrk posting bodies of a delivery's size and headers to the benchmark receiver.
import fs from 'node:fs';
import path from 'node:path';

import { now, log, run } from '../lib/util.mjs';
import { EVENT } from '../lib/run.mjs';
import { resetReceiver } from '../lib/receiver-control.mjs';

export async function limitsWrk(ctx) {
  const { S, receiver } = ctx;
  const body = JSON.stringify({ event: EVENT, created: new Date().toISOString(), request_id: null, trace_id: null,
    data: { pad: 'x'.repeat(880) }, changes: null });
  const script = path.join(ctx.RAW, 'wrk-post.lua');
  fs.writeFileSync(script, `wrk.method = "POST"
wrk.body = ${JSON.stringify(body)}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "perscom-webhooks/1.0 (+https://perscom.io)"
wrk.headers["webhook-id"] = "msg_wrk"
wrk.headers["webhook-timestamp"] = "1700000000"
wrk.headers["webhook-signature"] = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
wrk.headers["Signature"] = "0000000000000000000000000000000000000000000000000000000000000000"
`);
  await resetReceiver(ctx);
  const t0 = now();
  log(`limits: wrk against the receiver for ${S.wrkSecs} s (2 threads, 64 connections, ${body.length} B bodies)`);
  const { stdout } = await run('wrk', ['-t2', '-c64', `-d${S.wrkSecs}s`, '--latency', '-s', script,
    `${receiver.base}/h/wrk/0`], { timeout: (S.wrkSecs + 30) * 1000 });
  const usage = ctx.sampler.usage(t0 + 500, now() - 500);
  await resetReceiver(ctx);
  const rps = Number((/Requests\/sec:\s+([\d.]+)/.exec(stdout) || [])[1]);
  const lat = {};
  for (const m of stdout.matchAll(/^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)/gm)) {
    lat[`p${m[1]}`] = Number(m[2]) * (m[3] === 'us' ? 0.001 : m[3] === 's' ? 1000 : 1);
  }
  const r = { tool: 'wrk -t2 -c64', seconds: S.wrkSecs, body_bytes: body.length, requests_per_s: Math.round(rps),
    latency_ms: lat, usage, output: stdout.trim().split('\n').slice(0, 14) };
  log(`limits: wrk ${r.requests_per_s} requests/s`);
  return r;
}

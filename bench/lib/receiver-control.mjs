// The orchestrator's side of the receiver (receiver.mjs): starts it, and reads and resets what arrived through its
// /_ctl/ endpoints.
import fs from 'node:fs';
import path from 'node:path';

import { now, sleep, request, startChild } from './util.mjs';
import { BENCH } from './run.mjs';

/** Starts the receiver; it becomes ctx.receiver. */
export async function startReceiver(ctx) {
  const logStream = fs.createWriteStream(path.join(ctx.RAW, 'receiver.log'));
  let resolveReady;
  const ready = new Promise((r) => { resolveReady = r; });
  const child = startChild(process.execPath, ['--max-old-space-size=4096', path.join(BENCH, 'lib', 'receiver.mjs'),
    '--port', '0', '--sample', '50', '--max-seconds', '7200'], { logStream,
    onLine: (line) => { const m = /^READY (\d+)/.exec(line); if (m) resolveReady(Number(m[1])); } });
  ctx.children.add(child);
  const port = await Promise.race([ready, sleep(10_000).then(() => { throw new Error('receiver did not start'); })]);
  ctx.sampler.track('receiver', child.pid);
  ctx.receiver = { child, port, base: `http://127.0.0.1:${port}` };
  return ctx.receiver;
}

export async function receiverCount(ctx) {
  return (await request('GET', `${ctx.receiver.base}/_ctl/count`)).json.n;
}

export async function receiverStats(ctx) {
  return (await request('GET', `${ctx.receiver.base}/_ctl/stats`)).json;
}

/** Every arrival since the last reset: arrival times t[i] and keys[i] = "path webhook-id". */
export async function receiverDump(ctx) {
  const r = await request('GET', `${ctx.receiver.base}/_ctl/dump`, { timeout: 300_000 });
  const t = [];
  const keys = [];
  for (const line of r.text.split('\n')) {
    if (!line) continue;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    t.push(Number(line.slice(0, a)));
    keys.push(line.slice(a + 1)); // "path webhook-id"
  }
  return { t, keys };
}

/** The receiver forgets its arrivals. */
export async function resetReceiver(ctx) {
  await request('POST', `${ctx.receiver.base}/_ctl/reset`);
}

/**
 * Starts a phase: the receiver forgets its arrivals. The tables are not truncated (an emptied table gets plans for an
 * empty table, e.g. sequential scans for the recorder's UPDATE ... FROM unnest(), which production never sees); the
 * phase's rows are told apart by updated_at instead. Returns the phase's start time.
 */
export async function resetState(ctx) {
  await resetReceiver(ctx);
  await sleep(20);
  return now();
}

/** Signature checks the receiver made between two /_ctl/stats answers. */
export function signatureDelta(before, after) {
  const a = before.signatures;
  const b = after.signatures;
  return { checked: b.checked - a.checked, ok: b.ok - a.ok, bad: b.bad - a.bad };
}

/** Gives the receiver the webhooks' secrets, for its sampled signature checks. */
export async function receiverSecrets(ctx, list) {
  await request('POST', `${ctx.receiver.base}/_ctl/secrets`, {
    body: Object.fromEntries(list.map((h) => [h.path, h.secret])) });
}

// receiver.mjs as the benchmark runs it: a child process whose sampled signature checks (here every request) count
// the shared vectors' valid and invalid requests.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { VECTORS } from './testdata.mjs';

const byName = Object.fromEntries(VECTORS.verification.map((c) => [c.name, c]));

async function call(base, method, path, { headers = {}, body } = {}) {
  const res = await fetch(base + path, { method, headers, body });
  return { status: res.status, json: res.headers.get('content-type')?.includes('json') ? await res.json() : null };
}

test('the receiver records every request and counts signature checks', async (t) => {
  const child = spawn(process.execPath, [new URL('./receiver.mjs', import.meta.url).pathname, '--port', '0',
    '--sample', '1', '--max-seconds', '30'], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill('SIGTERM'));
  const [line] = await once(child.stdout, 'data');
  const base = `http://127.0.0.1:${/READY (\d+)/.exec(line.toString())[1]}`;

  const good = ['as-signed/whsec-24-byte-key', 'as-signed/rotation', 'as-signed/unicode-body',
    'rotation-receiver-holds-previous-secret', 'tampered-body', 'other-webhook-id', 'signature-uppercase-hex',
    'webhook-signature-keyed-with-lenient-decoding'];
  const secrets = Object.fromEntries(good.map((name, i) => [`/h/t/${i}`, byName[name].secret]));
  await call(base, 'POST', '/_ctl/secrets', { body: JSON.stringify(secrets) });
  for (const [i, name] of good.entries()) {
    const c = byName[name];
    const headers = Object.fromEntries(Object.entries(c.headers).filter(([, v]) => v !== null));
    assert.equal((await call(base, 'POST', `/h/t/${i}`, { headers, body: Buffer.from(c.body, 'utf8') })).status, 200);
  }
  const { json: stats } = await call(base, 'GET', '/_ctl/stats');
  assert.equal(stats.n, good.length);
  assert.equal(stats.signatures.checked, good.length);
  const valid = good.filter((name) => byName[name].signature_valid && byName[name].webhook_signature_valid);
  assert.equal(stats.signatures.ok, valid.length);
  assert.equal(stats.signatures.bad, good.length - valid.length);
});

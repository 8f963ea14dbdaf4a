// signatures.mjs against the shared signature test vectors (node --test bench/lib/*.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { perscomSignature, perscomValid, standardKey, standardSignature, standardValid } from './signatures.mjs';
import { VECTORS } from './testdata.mjs';

for (const c of VECTORS.signing) {
  test(`signing: ${c.name}`, () => {
    const body = Buffer.from(c.body, 'utf8');
    assert.equal(standardKey(c.secret).toString('base64'), c.standard_key_base64);
    assert.equal(perscomSignature(c.secret, body), c.signature);
    const sent = [c.secret, c.previous_secret].filter((s) => s !== null)
      .map((s) => standardSignature(s, c.webhook_id, c.timestamp, body));
    assert.equal(sent.join(' '), c.webhook_signature);
  });
}

for (const c of VECTORS.verification) {
  test(`verification: ${c.name}`, () => {
    const body = Buffer.from(c.body, 'utf8');
    const h = c.headers;
    assert.equal(perscomValid(c.secret, body, h.Signature), c.signature_valid, 'Signature');
    assert.equal(standardValid(c.secret, h['webhook-id'], h['webhook-timestamp'], body, h['webhook-signature']),
      c.webhook_signature_valid, 'webhook-signature');
  });
}

// jwt.mjs: tokens the run's public key verifies, with the claims given.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ISSUER, keyPair, token } from './jwt.mjs';

test('a token is RS256-signed with the key pair and carries the claims', () => {
  const { privateKey, publicKeyDerBase64 } = keyPair();
  const [header, body, signature] = token(privateKey, { sub: 'a', scope: 'publish:event' }, 60).split('.');
  const publicKey = crypto.createPublicKey({ key: Buffer.from(publicKeyDerBase64, 'base64'), format: 'der',
    type: 'spki' });
  assert.ok(crypto.verify('RSA-SHA256', Buffer.from(`${header}.${body}`), publicKey,
    Buffer.from(signature, 'base64url')));
  assert.equal(JSON.parse(Buffer.from(header, 'base64url')).alg, 'RS256');
  const claims = JSON.parse(Buffer.from(body, 'base64url'));
  assert.deepEqual([claims.iss, claims.sub, claims.scope, claims.exp - claims.iat], [ISSUER, 'a', 'publish:event', 60]);
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
  assert.ok(!crypto.verify('RSA-SHA256', Buffer.from(`${header}.${forged}`), publicKey,
    Buffer.from(signature, 'base64url')));
});

// RS256 access tokens for the benchmark, signed with a key pair made for the run (no OIDC server involved: the
// service is given the public key with quarkus.oidc.public-key).
import crypto from 'node:crypto';

export const ISSUER = 'https://bench.perscom.invalid';

export function keyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicKeyDerBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');

export function token(privateKey, claims, ttlSeconds = 3600) {
  const nowS = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: 'bench' };
  const body = { iss: ISSUER, iat: nowS, exp: nowS + ttlSeconds, ...claims };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(body))}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(input), privateKey);
  return `${input}.${b64url(signature)}`;
}

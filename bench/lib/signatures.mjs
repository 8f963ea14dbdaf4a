// The two signatures the service sends, computed and checked as receivers do (rules: the docstring of
// tools/lib/python/generate_signature_vectors.py; tested against src/test/resources/signing/signature-vectors.json by
// signatures.test.mjs). Bodies are Buffers of the bytes received.
import crypto from 'node:crypto';

const WHSEC = 'whsec_';

/** Standard alphabet, padding optional but complete when present (java.util.Base64's basic decoder); else null. */
function strictBase64(text) {
  const data = text.replace(/=+$/, '');
  const padding = text.length - data.length;
  if (!/^[A-Za-z0-9+/]*$/.test(data) || data.length % 4 === 1) return null;
  if (padding && (padding > 2 || (data.length + padding) % 4 !== 0)) return null;
  return Buffer.from(data, 'base64');
}

/** The Standard Webhooks key: the decoded rest of a whsec_ secret when it is base64, else the secret's UTF-8. */
export function standardKey(secret) {
  if (secret.startsWith(WHSEC)) {
    const key = strictBase64(secret.slice(WHSEC.length));
    if (key && key.length > 0) return key;
  }
  return Buffer.from(secret, 'utf8');
}

export function perscomSignature(secret, body) {
  return crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');
}

export function standardSignature(secret, id, timestamp, body) {
  const mac = crypto.createHmac('sha256', standardKey(secret)).update(`${id}.${timestamp}.`, 'utf8').update(body);
  return `v1,${mac.digest('base64')}`;
}

function same(received, expected) {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** `Signature` as spatie/laravel-webhook-client checks it: exactly the lowercase hex HMAC of the body. */
export function perscomValid(secret, body, header) {
  return typeof header === 'string' && same(header, perscomSignature(secret, body));
}

/** `webhook-signature` holds the v1 signature of (id, timestamp, body) among its space-separated entries. */
export function standardValid(secret, id, timestamp, body, header) {
  if (typeof header !== 'string' || id == null || timestamp == null) return false;
  const expected = standardSignature(secret, id, timestamp, body);
  return header.split(' ').some((entry) => same(entry, expected));
}

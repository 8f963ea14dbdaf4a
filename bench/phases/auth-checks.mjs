// Token checks against the running service: the run's publish:event token is accepted; no token, another key,
// another issuer and an expired token are refused (401); a manage:webhook-only token is forbidden (403).
import { request } from '../lib/util.mjs';
import { keyPair, token } from '../lib/jwt.mjs';
import { EVENT } from '../lib/run.mjs';

export async function authChecks(ctx) {
  const { keys } = ctx;
  const url = `${ctx.service.base}/internal/v1/events`;
  const body = { tenant_id: 'bench-none', event: EVENT, data: { check: true } };
  const other = keyPair();
  const wrongKey = token(other.privateKey, { sub: 'x', scope: 'publish:event' });
  const wrongIssuer = token(keys.privateKey, { sub: 'x', scope: 'publish:event', iss: 'https://elsewhere.invalid' });
  const expired = token(keys.privateKey, { sub: 'x', scope: 'publish:event' }, -120);
  const adminScope = token(keys.privateKey, { sub: 'x', scope: 'manage:webhook', tenant_id: 'bench-none' });
  const status = async (tok) => (await request('POST', url, { headers: tok ? { authorization: `Bearer ${tok}` } : {},
    body })).status;
  const checks = {
    publish_token: await status(ctx.publishToken),
    no_token: await status(null),
    token_signed_with_another_key: await status(wrongKey),
    token_with_another_issuer: await status(wrongIssuer),
    expired_token: await status(expired),
    manage_webhook_scope_only: await status(adminScope),
  };
  checks.ok = checks.publish_token === 202 && checks.no_token === 401 && checks.token_signed_with_another_key === 401
    && checks.token_with_another_issuer === 401 && checks.expired_token === 401 && checks.manage_webhook_scope_only === 403;
  return checks;
}

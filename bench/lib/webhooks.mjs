// The benchmark's webhooks, created through the service's admin API as a PERSCOM tenant would create them.
import crypto from 'node:crypto';

import { log, request } from './util.mjs';
import { token } from './jwt.mjs';
import { EVENT } from './run.mjs';
import { receiverSecrets } from './receiver-control.mjs';

async function createWebhooks(ctx, tenant, count) {
  const admin = token(ctx.keys.privateKey, { sub: 'bench-admin', scope: 'manage:webhook', tenant_id: tenant });
  const list = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const body = { name: `bench ${tenant} ${i}`, url: `${ctx.receiver.base}/h/${tenant}/${i}`, events: [EVENT] };
      // Half with a secret of our own (signed with its UTF-8 bytes), half generated (whsec_, base64-decoded key).
      if (i % 2 === 0) body.secret = `bench-secret-${crypto.randomBytes(12).toString('hex')}`;
      const r = await request('POST', `${ctx.service.base}/api/v1/webhooks`,
        { headers: { authorization: `Bearer ${admin}` }, body });
      if (r.status !== 201 && r.status !== 200) throw new Error(`creating a webhook: ${r.status} ${r.text}`);
      list[i] = { id: r.json.id, path: `/h/${tenant}/${i}`, secret: r.json.secret };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await receiverSecrets(ctx, list);
  ctx.hooks[tenant] = list;
  return list;
}

/** Tenants bench-f1, bench-f10 and bench-f100 (fan-out 1, 10, 100) and bench-backlog, into ctx.hooks. */
export async function createBenchWebhooks(ctx) {
  for (const [tenant, n] of [['bench-f1', 1], ['bench-f10', 10], ['bench-f100', 100],
    ['bench-backlog', ctx.S.backlogWebhooks]]) {
    await createWebhooks(ctx, tenant, n);
  }
  log(`created ${Object.values(ctx.hooks).reduce((s, l) => s + l.length, 0)} webhooks through the admin API`);
}

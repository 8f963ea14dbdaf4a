// Cost growth: how throughput, latency, CPU and memory change with fan-out, with the number of stored webhooks and
// with the payload size. Each cell is a short saturation run and a 1 000 deliveries/s open-loop run.
import { now, log, sql, sqlValue, round } from '../lib/util.mjs';
import { EVENT } from '../lib/run.mjs';
import { saturation } from './saturation.mjs';
import { fixedRate } from './latency-sweep.mjs';

async function insertFiller(ctx, from, to) {
  // Webhooks that must not match: in other tenants (20 each, under the 100-per-tenant limit), half subscribed to the
  // same event type, half to other types. Their URLs point at the receiver, so a wrong match would show up.
  await sql(ctx.DB, `insert into webhook (id, tenant_id, name, url, method, secret_key_id, secret_ciphertext, events,
        enabled, created_at, updated_at)
      select uuid_generate_v7(), 'filler-' || (g / 20), 'filler ' || g,
        '${ctx.receiver.base}/h/filler/' || g, 'post', 'bench', decode(md5(g::text), 'hex'),
        case when g % 2 = 0 then array['${EVENT}', 'user.updated'] else array['user.updated', 'user.deleted'] end,
        true, now(), now()
      from generate_series(${from}, ${to - 1}) g;
      analyze webhook;`);
}

/** Fills result.growth: fan-out, stored webhooks and payload cells. */
export async function growth(ctx) {
  const { S, DB } = ctx;
  const out = ctx.result.growth;
  const cell = async (group, name, cfg) => {
    const sat = await saturation(ctx, `${group}-${name}`, { ...cfg, warm: S.cellWarm, measure: S.cellMeasure });
    const lat = await fixedRate(ctx, `${group}-${name}-1000`, { ...cfg, deliveriesPerS: 1000, seconds: S.cellLatencySecs });
    const entry = { name, ...cfg, saturation: sat, at_1000_per_s: lat };
    out[group].push(entry);
    return entry;
  };
  for (const fanout of [1, 10, 100]) {
    await cell('fanout', String(fanout), { tenant: `bench-f${fanout}`, fanout });
  }
  let stored = Number(await sqlValue(DB, 'select count(*) from webhook'));
  for (const target of S.stored) {
    if (stored < target) {
      const t0 = now();
      await insertFiller(ctx, stored, target);
      log(`stored webhooks: ${target} (inserted ${target - stored} in ${round((now() - t0) / 1000, 1)} s)`);
      stored = target;
    }
    await cell('stored', String(target), { tenant: 'bench-f10', fanout: 10, stored_webhooks: target });
  }
  await sql(DB, "delete from webhook where name like 'filler %'");
  await sql(DB, 'vacuum analyze webhook');
  for (const payload of [1024, 65536]) {
    await cell('payload', `${payload / 1024}KiB`, { tenant: 'bench-f10', fanout: 10, payload,
      window: payload > 4096 ? Math.min(1000, ctx.opt.window || 1000) : undefined });
  }
}

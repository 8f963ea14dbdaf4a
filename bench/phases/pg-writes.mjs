// PostgreSQL writes per delivery: pg_stat_user_tables (rows inserted, updated, HOT-updated, deleted),
// pg_total_relation_size, the WAL position and pg_stat_wal, and pg_stat_database commits, before and after a phase.
import { now, sleep, sql, sqlValue, round } from '../lib/util.mjs';

const TABLES = ['event', 'delivery', 'delivery_attempt', 'webhook', 'automation_job'];
// Idle backends flush their table statistics up to 10 s late.
const STATS_FLUSH_MS = 11_000;

async function pgSnapshot(db) {
  const tables = {};
  const rows = await sql(db, `select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del,
      pg_total_relation_size(relid) from pg_stat_user_tables where relname in (${TABLES.map((t) => `'${t}'`)})`);
  for (const [name, ins, upd, hot, del, size] of rows) {
    tables[name] = { ins: Number(ins), upd: Number(upd), hot: Number(hot), del: Number(del), bytes: Number(size) };
  }
  const [lsn] = (await sql(db, 'select pg_current_wal_lsn()'))[0];
  const wal = (await sql(db, 'select wal_records, wal_fpi, wal_bytes, wal_sync from pg_stat_wal'))[0].map(Number);
  const dbs = (await sql(db, `select xact_commit, xact_rollback from pg_stat_database where datname = '${db}'`))[0]
    .map(Number);
  return { t: now(), tables, lsn, wal: { records: wal[0], fpi: wal[1], bytes: wal[2], syncs: wal[3] },
    commits: dbs[0], rollbacks: dbs[1] };
}

async function pgDelta(db, a, b, deliveries) {
  const walBytes = Number(await sqlValue(db, `select pg_wal_lsn_diff('${b.lsn}', '${a.lsn}')`));
  const perTable = {};
  let rows = 0;
  let bytes = 0;
  for (const t of TABLES) {
    if (!a.tables[t] || !b.tables[t]) continue;
    const d = { inserted: b.tables[t].ins - a.tables[t].ins, updated: b.tables[t].upd - a.tables[t].upd,
      hot_updated: b.tables[t].hot - a.tables[t].hot, deleted: b.tables[t].del - a.tables[t].del,
      bytes_growth: b.tables[t].bytes - a.tables[t].bytes };
    perTable[t] = d;
    rows += d.inserted + d.updated + d.deleted;
    bytes += d.bytes_growth;
  }
  const per = (v) => (deliveries ? round(v / deliveries, 2) : null);
  return { deliveries, per_table: perTable, rows_written: rows, rows_per_delivery: per(rows),
    table_and_index_bytes: bytes, bytes_per_delivery: per(bytes), wal_bytes: walBytes,
    wal_bytes_per_delivery: per(walBytes), wal_records_per_delivery: per(b.wal.records - a.wal.records),
    wal_full_page_images: b.wal.fpi - a.wal.fpi, wal_syncs: b.wal.syncs - a.wal.syncs,
    commits: b.commits - a.commits, commits_per_delivery: per(b.commits - a.commits) };
}

/**
 * Starts counting the benchmark database's writes; `finish(deliveries)` waits for the statistics to be flushed and
 * returns the writes per delivery. With `settle`, the previous phase's statistics are let land first.
 */
export async function pgWrites(ctx, { settle = false } = {}) {
  if (settle) await sleep(STATS_FLUSH_MS);
  const before = await pgSnapshot(ctx.DB);
  return {
    async finish(deliveries) {
      await sleep(STATS_FLUSH_MS);
      return pgDelta(ctx.DB, before, await pgSnapshot(ctx.DB), deliveries);
    },
  };
}

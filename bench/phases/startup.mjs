// Start-up: time from spawning the JVM to /q/health/ready answering UP, on the empty database (the migrations run),
// without the AOT cache (for comparison) and the production way, with it.
import { log, percentiles } from '../lib/util.mjs';
import { startService, stopService } from '../lib/service.mjs';

/** Adds the running service's start to the start-up runs. */
export function recordStart(startup, label, service) {
  startup.runs.push({ label, aot_cache: service.aot_cache, ready_ms: service.ready_ms,
    quarkus_started_in_s: service.quarkus_started_in_s, rss_mb_at_ready: service.rss_mb_at_ready });
}

/** Production starts (restart-*, migrated database, image options): best and median ready time. */
export function summarizeStartup(startup) {
  const production = startup.runs.filter((r) => r.label.startsWith('restart-'));
  const ready = production.map((r) => r.ready_ms);
  startup.aot_cache = production.every((r) => r.aot_cache);
  startup.ready_ms_migrated_db_best = Math.min(...ready);
  startup.ready_ms_migrated_db_median = percentiles(ready).p50;
}

/**
 * The first start on the empty database runs the migrations; then two restarts on a migrated one. For comparison,
 * two starts without the AOT cache (the JVM's ordinary class loading and JIT warm-up). The last start keeps running.
 */
export async function startup(ctx) {
  const result = { runs: [] };
  const starts = [['fresh-db', true], ['no-aot-cache-1', false], ['no-aot-cache-2', false], ['restart-1', true],
    ['restart-2', true]];
  for (const [label, aotCache] of starts) {
    const service = await startService(ctx, label, { aotCache });
    recordStart(result, label, service);
    log(`start-up (${label}): ready ${service.ready_ms} ms after the process started (Quarkus: ${service.quarkus_started_in_s} s)`);
    if (label !== 'restart-2') {
      const stopped = await stopService(ctx);
      result.runs[result.runs.length - 1].stop_ms = Math.round(stopped.ms);
    }
  }
  summarizeStartup(result);
  if (!result.aot_cache) ctx.result.notes.push('The jar had no AOT cache (app.aot; `./mvnw verify` records it): every start ran without it.');
  result.ready_ms_fresh_db = result.runs[0].ready_ms;
  result.ready_ms_without_aot_cache_best = Math.min(...result.runs.filter((r) => !r.aot_cache).map((r) => r.ready_ms));
  return result;
}

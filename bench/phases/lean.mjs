// The lean variant: the same start-up and saturation measurements with the C1-only JVM option the image offers
// (JAVA_OPTS_APPEND), measured against the default in the same run.
import { log } from '../lib/util.mjs';
import { startService, stopService } from '../lib/service.mjs';
import { warmedSaturation } from './saturation.mjs';

const LEAN_JVM = ['-XX:TieredStopAtLevel=1'];

/**
 * What a memory-constrained pod gives up in throughput for its smaller footprint and faster start. The default
 * service is started again afterwards, unless the pgbench section (which runs with the service stopped) follows.
 */
export async function lean(ctx) {
  await stopService(ctx);
  const out = { jvm_opts_added: LEAN_JVM.join(' '), startup: [] };
  for (const label of ['lean-1', 'lean-2']) {
    const service = await startService(ctx, label, { extraJvm: LEAN_JVM });
    out.startup.push({ label, ready_ms: service.ready_ms, rss_mb_at_ready: service.rss_mb_at_ready });
    log(`start-up (${label}): ready ${service.ready_ms} ms after the process started`);
    if (label === 'lean-1') await stopService(ctx);
  }
  out.saturation = await warmedSaturation(ctx, 'lean-warm-up', 'lean-saturation');
  await stopService(ctx);
  if (!ctx.sections.has('pgbench')) await startService(ctx, 'after-lean');
  return out;
}

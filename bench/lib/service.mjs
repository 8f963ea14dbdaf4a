// The service under test: the production jar started as the image starts it (its JVM options and environment),
// against the benchmark's database, verifying the run's tokens locally; stopped with its log's warnings counted.
import fs from 'node:fs';
import path from 'node:path';

import { now, sleep, request, freePort, startChild, stopChild, PG } from './util.mjs';
import { ISSUER } from './jwt.mjs';

const AOT_FLAG = /^-XX:AOTCache=/;

function serviceEnv(ctx, port, managementPort) {
  // The image's environment (MALLOC_ARENA_MAX, ...) but its JVM options, which are passed on the command line.
  const image = Object.fromEntries(Object.entries(ctx.IMAGE_ENV).filter(([k]) => !k.startsWith('JAVA_OPTS')));
  const env = { ...image, PATH: process.env.PATH, HOME: process.env.HOME || '/tmp', LANG: process.env.LANG || 'C.UTF-8',
    JAVA_HOME: ctx.JAVA_HOME };
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(WEBHOOKS_|QUARKUS_|DB_POOL_SIZE$|MALLOC_ARENA_MAX$)/.test(k)) env[k] = v;
  }
  // Ingest admits 500 events/s per tenant per replica by default (429 beyond): lifted, so the benchmark measures the
  // delivery pipeline rather than the limiter. Set the variables to measure with the limiter.
  env.WEBHOOKS_LIMITS_TENANT_EVENTS_PER_SECOND ??= '1000000';
  env.WEBHOOKS_LIMITS_TENANT_EVENT_BURST ??= '1000000';
  Object.assign(env, { PORT: String(port), MANAGEMENT_PORT: String(managementPort), DB_HOST: PG.host, DB_PORT: PG.port,
    DB_NAME: ctx.DB, DB_USERNAME: PG.user, DB_PASSWORD: process.env.PGPASSWORD || '',
    WEBHOOKS_SECRETS_ENCRYPTION_KEYS: `bench:${ctx.encryptionKey}`, WEBHOOKS_SSRF_ALLOW_LIST: '127.0.0.0/8' });
  return env;
}

const oidcProps = (ctx) => [`-Dquarkus.oidc.public-key=${ctx.keys.publicKeyDerBase64}`,
  `-Dquarkus.oidc.token.issuer=${ISSUER}`, '-Dquarkus.oidc.auth-server-url='];

function stageApp(ctx) {
  // The service runs from a copy, so a rebuild of target/ during the run cannot pull classes from under it.
  if (!ctx.appCopy) {
    if (!fs.existsSync(path.join(ctx.APP, 'quarkus-run.jar'))) throw new Error(`No ${ctx.APP}/quarkus-run.jar: build first`);
    const copy = path.join(ctx.RAW, 'app');
    // Timestamps kept: the JVM refuses an AOT cache whose class-path jars look modified.
    fs.cpSync(ctx.APP, copy, { recursive: true, preserveTimestamps: true });
    ctx.appCopy = copy;
  }
  return ctx.appCopy;
}

/** The JVM options of a start: the production ones, without the AOT cache when asked or when the build has none. */
function jvmOptions(ctx, app, { aotCache = true } = {}) {
  const useCache = aotCache && fs.existsSync(path.join(app, 'app.aot'));
  return ctx.JVM_OPTS.filter((o) => useCache || !AOT_FLAG.test(o));
}

/** Starts the service and waits until it is ready; it becomes ctx.service. */
export async function startService(ctx, label, { aotCache = true, extraJvm = [] } = {}) {
  const app = stageApp(ctx);
  const port = await freePort();
  const managementPort = await freePort();
  const logFile = path.join(ctx.RAW, `service-${label}.log`);
  const logStream = fs.createWriteStream(logFile);
  let startedIn = null;
  const jvm = [...jvmOptions(ctx, app, { aotCache }), ...extraJvm];
  const t0 = now();
  // From the app directory, as the image runs it: the AOT cache records quarkus-run.jar's relative class path.
  const child = startChild(ctx.JAVA, [...jvm, ...oidcProps(ctx), '-jar', 'quarkus-run.jar'], {
    env: serviceEnv(ctx, port, managementPort), logStream, cwd: app,
    onLine: (line) => { const m = /started in ([\d.]+)s/.exec(line); if (m) startedIn = Number(m[1]); } });
  ctx.children.add(child);
  const base = `http://127.0.0.1:${port}`;
  let readyAt = null;
  while (now() - t0 < 180_000) {
    if (child.exitCode !== null) throw new Error(`The service exited during start-up; see ${logFile}`);
    try {
      // Health is on the management interface, never on the service port.
      const r = await request('GET', `http://127.0.0.1:${managementPort}/q/health/ready`, { timeout: 2000 });
      if (r.status === 200 && r.json && r.json.status === 'UP') {
        readyAt = now();
        break;
      }
    } catch { /* not listening yet */ }
    await sleep(5);
  }
  if (!readyAt) throw new Error(`The service was not ready after 180 s; see ${logFile}`);
  await sleep(300);
  ctx.sampler.track('service', child.pid);
  const rss = ctx.sampler.sample().rss.service;
  ctx.service = { child, port, base, logFile, ready_ms: Math.round(readyAt - t0), quarkus_started_in_s: startedIn,
    aot_cache: jvm.some((o) => AOT_FLAG.test(o)), rss_mb_at_ready: rss ? Math.round(rss / 1048576) : null };
  return ctx.service;
}

/** WARN and ERROR lines of a service log, counted by message (numbers masked), most frequent first. */
function logProblems(file) {
  const counts = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes('"level":"WARN"') && !line.includes('"level":"ERROR"')) continue;
    let msg;
    try {
      const j = JSON.parse(line);
      msg = `${j.level} ${j.loggerName}: ${j.message}`;
    } catch {
      msg = line.slice(0, 200);
    }
    msg = msg.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>').replace(/\b\d+\b/g, 'N')
      .slice(0, 300);
    counts.set(msg, (counts.get(msg) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([message, count]) => ({ count, message }));
}

/** Stops the running service (if any) and records the problems in its log. */
export async function stopService(ctx) {
  const { service, result } = ctx;
  if (!service) return null;
  result.service_log_problems ??= {};
  const file = service.logFile;
  const stopped = await stopChild(service.child, { timeout: 45_000 });
  ctx.children.delete(service.child);
  ctx.service = null;
  result.service_log_problems[path.basename(file)] = logProblems(file);
  return stopped;
}

#!/usr/bin/env node
// The benchmark's orchestrator (run it through bench/run.sh, which builds the jar and checks the tools first).
// Everything runs on this machine, on loopback: PostgreSQL, the production jar, a Node receiver, a Node load driver,
// wrk and pgbench. See bench/README.md for what is measured and how.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { now, sleep, log, request, freePort, run, sql, sqlValue, percentiles, round, startChild, stopChild, PG }
  from './lib/util.mjs';
import { Sampler } from './lib/sampler.mjs';
import { keyPair, token, ISSUER } from './lib/jwt.mjs';
import { markdown } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

// ------------------------------------------------------------------------------------------------ options
const USAGE = `Usage: bench/run.sh [options]

  --quick               smaller sizes and shorter phases (about 5 minutes): backlog 100 k, stored webhooks 1 k and
                        10 k, 15 s saturation window
  --backlog N           deliveries in the backlog-drain test (default 1000000; --quick: 100000)
  --backlog-window S    seconds the backlog drain is measured before the rate is extrapolated (default 120; quick 30)
  --only LIST           run only these sections (comma-separated): limits, saturation, sweep, burst, growth,
                        lean, backlog, pgbench (start-up is always measured)
  --jvm-opts "..."      JVM options for the service (default: $BENCH_JVM_OPTS or -XX:MaxRAM=512m plus the image's
                        JAVA_OPTS from src/main/docker/Dockerfile.jvm; MaxRAM stands in for the pod's 512 MiB limit)
  --no-profile          no JFR / perf recordings
  --no-build            (run.sh) use target/quarkus-app as it is
  --app DIR             quarkus-app directory to run (default: target/quarkus-app, copied before it is started)
  --db NAME             database to (re)create (default perscom_webhooks_bench)
  --results DIR         where to write the report (default bench/results)
  --label TEXT          free text stored in the report
  --window N            saturation runs keep at most N deliveries accepted but not yet arrived (default 1000)
  --payload-bytes N     payload size of the main saturation and sweep phases (default 1024)
  --fanout N            fan-out of the main saturation and sweep phases: 1, 10 (default) or 100
  --wait-quiet S        before starting, wait up to S seconds (default 300; quick 60) until other processes use
                        less than a quarter of a core, so the numbers are the service's and not a neighbour's
`;

function parseArgs(argv) {
  const o = { quick: false, profile: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--quick': o.quick = true; break;
      case '--backlog': o.backlog = Number(value()); break;
      case '--backlog-window': o.backlogWindow = Number(value()); break;
      case '--only': o.only = value().split(',').map((s) => s.trim()); break;
      case '--jvm-opts': o.jvmOpts = value(); break;
      case '--no-profile': o.profile = false; break;
      case '--no-build': case '--build': break;
      case '--app': o.app = value(); break;
      case '--db': o.db = value(); break;
      case '--results': o.results = value(); break;
      case '--label': o.label = value(); break;
      case '--wait-quiet': o.waitQuiet = Number(value()); break;
      case '--window': o.window = Number(value()); break;
      case '--payload-bytes': o.payloadBytes = Number(value()); break;
      case '--fanout': o.fanout = Number(value()); break;
      case '-h': case '--help': process.stdout.write(USAGE); process.exit(0); break;
      default: throw new Error(`Unknown option ${a}\n${USAGE}`);
    }
  }
  return o;
}

const opt = parseArgs(process.argv.slice(2));
const Q = opt.quick;
const S = {
  satWarm: Q ? 5 : 10,
  satMeasure: Q ? 15 : 30,
  sweepRates: Q ? [250, 1000, 2500, 5000] : [250, 500, 1000, 2000, 3000, 4000, 5000, 6000, 8000],
  sweepSecs: Q ? 8 : 15,
  sweep1000Secs: Q ? 12 : 30,
  cellWarm: Q ? 2 : 3,
  cellMeasure: Q ? 8 : 15,
  cellLatencySecs: Q ? 6 : 10,
  stored: Q ? [1000, 10000] : [1000, 10000, 100000],
  burstSecs: Q ? 5 : 10,
  backlog: opt.backlog ?? (Q ? 100_000 : 1_000_000),
  backlogWindow: opt.backlogWindow ?? (Q ? 30 : 120),
  backlogWebhooks: 10,
  wrkSecs: Q ? 5 : 10,
  pgbenchSecs: Q ? 8 : 20,
  drainTimeout: 180,
  history: Q ? 50_000 : 300_000,
};
const DB = opt.db || 'perscom_webhooks_bench';
const RESULTS = path.resolve(opt.results || path.join(HERE, 'results'));
const APP = path.resolve(opt.app || path.join(ROOT, 'target', 'quarkus-app'));
const JAVA_HOME = process.env.JAVA_HOME;
if (!JAVA_HOME) throw new Error('JAVA_HOME is not set: run bench/run.sh, which finds a JDK 21+ (.ci/jdk.sh)');
const JAVA = path.join(JAVA_HOME, 'bin', 'java');
// The production JVM options are those of the image (src/main/docker/Dockerfile.jvm, ENV JAVA_OPTS); MaxRAM stands
// in for the Deployment's 512 MiB memory limit, which a container would give the JVM.
const IMAGE_ENV = Object.fromEntries([...fs.readFileSync(path.join(ROOT, 'src', 'main', 'docker', 'Dockerfile.jvm'),
  'utf8').matchAll(/^ENV (\w+)=(["']?)(.*)\2$/gm)].map((m) => [m[1], m[3]]));
const IMAGE_JVM_OPTS = IMAGE_ENV.JAVA_OPTS;
if (!IMAGE_JVM_OPTS) throw new Error('No ENV JAVA_OPTS="..." line in src/main/docker/Dockerfile.jvm');
const JVM_OPTS = (opt.jvmOpts ?? process.env.BENCH_JVM_OPTS ?? `-XX:MaxRAM=512m ${IMAGE_JVM_OPTS}`)
  .split(/\s+/).filter(Boolean);
const AOT_FLAG = /^-XX:AOTCache=/;
const sections = new Set(opt.only || ['limits', 'saturation', 'sweep', 'burst', 'growth', 'lean', 'backlog', 'pgbench']);
// The memory-lean variant: C1 only (JAVA_OPTS_APPEND in the image), measured against the default in the same run.
const LEAN_JVM = ['-XX:TieredStopAtLevel=1'];
const EVENT = 'user.created';

// ------------------------------------------------------------------------------------------------ run state
const startedAt = new Date();
const STAMP = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
const RAW = path.join(RESULTS, 'raw', STAMP);
fs.mkdirSync(RAW, { recursive: true });

const children = new Set();
const sampler = new Sampler(DB);
const keys = keyPair();
const encryptionKey = crypto.randomBytes(32).toString('base64');
const publishToken = token(keys.privateKey, { sub: 'perscom-bench', scope: 'publish:event' });
let receiver = null; // { child, base }
let service = null; // { child, base, port }
const hooks = {}; // tenant -> [{ id, path, secret }]
const result = {
  meta: { started_at: startedAt.toISOString(), command: `bench/run.sh ${process.argv.slice(2).join(' ')}`.trim(),
    quick: Q, label: opt.label || null, sizes: S, database: DB, jvm_opts: JVM_OPTS.join(' '), app: APP,
    app_from_this_checkout: !opt.app },
  machine: null,
  startup: null,
  auth_checks: null,
  limits: {},
  saturation: null,
  sweep: [],
  burst: null,
  growth: { fanout: [], stored: [], payload: [] },
  backlog: null,
  profile: {},
  verification: [],
  notes: [],
  errors: [],
};

async function cleanup() {
  for (const child of children) await stopChild(child, { timeout: 20_000 });
  children.clear();
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    log(`${sig}: stopping what the benchmark started`);
    await cleanup();
    process.exit(130);
  });
}

// ------------------------------------------------------------------------------------------------ machine
async function describeMachine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (/model name\s*:\s*(.*)/.exec(cpuinfo) || [])[1] || os.cpus()[0]?.model;
  const mem = Number((/MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8')) || [])[1]) * 1024;
  const jdk = (await run(JAVA, ['-version']).catch((e) => ({ stderr: String(e) }))).stderr.split('\n')
    .filter(Boolean).join(' / ');
  const pgVersion = await sqlValue('postgres', 'select version()');
  const settings = Object.fromEntries((await sql('postgres', `select name, setting || coalesce(unit, '')
      from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'full_page_writes',
      'wal_level', 'max_connections', 'commit_delay', 'checkpoint_timeout', 'max_wal_size', 'work_mem')`)));
  const wrk = await run('wrk', ['-v']).then((r) => r.stdout + r.stderr, (e) => `${e.stdout || ''}\n${e.message}`)
    .then((text) => (/^wrk \S+/m.exec(text) || ['wrk (version unknown)'])[0]);
  let git = null;
  try {
    const commit = (await run('git', ['-C', ROOT, 'rev-parse', 'HEAD'])).stdout.trim();
    const dirty = (await run('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'pom.xml'])).stdout
      .split('\n').filter(Boolean).length;
    git = { commit, uncommitted_files_in_src_or_pom: dirty };
  } catch { /* not a git checkout */ }
  const load = fs.readFileSync('/proc/loadavg', 'utf8').trim();
  return { nproc: os.cpus().length, memory_gib: round(mem / 2 ** 30, 1), cpu_model: model, kernel: os.release(),
    jdk, node: process.version, postgres: { version: pgVersion, settings }, wrk,
    load_average_at_start: load, git };
}

/** The busiest processes that are not part of the benchmark, over one second: others sharing the 2 cores. */
async function otherLoad() {
  const ticks = () => {
    const m = new Map();
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const s = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        m.set(name, { comm, t: Number(f[11]) + Number(f[12]) });
      } catch { /* gone */ }
    }
    return m;
  };
  const a = ticks();
  await sleep(1000);
  const b = ticks();
  const busy = [];
  for (const [pid, v] of b) {
    const before = a.get(pid);
    if (before && v.t - before.t > 5) busy.push({ pid: Number(pid), comm: v.comm, cpu_pct: v.t - before.t });
  }
  return busy.sort((x, y) => y.cpu_pct - x.cpu_pct).slice(0, 8);
}

// ------------------------------------------------------------------------------------------------ database
async function freshDatabase() {
  await sql('postgres', `drop database if exists ${DB} with (force)`);
  await sql('postgres', `create database ${DB}`);
}

const TABLES = ['event', 'delivery', 'delivery_attempt', 'webhook', 'automation_job'];

async function pgSnapshot() {
  const tables = {};
  const rows = await sql(DB, `select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del,
      pg_total_relation_size(relid) from pg_stat_user_tables where relname in (${TABLES.map((t) => `'${t}'`)})`);
  for (const [name, ins, upd, hot, del, size] of rows) {
    tables[name] = { ins: Number(ins), upd: Number(upd), hot: Number(hot), del: Number(del), bytes: Number(size) };
  }
  const [lsn] = (await sql(DB, 'select pg_current_wal_lsn()'))[0];
  const wal = (await sql(DB, 'select wal_records, wal_fpi, wal_bytes, wal_sync from pg_stat_wal'))[0].map(Number);
  const dbs = (await sql(DB, `select xact_commit, xact_rollback from pg_stat_database where datname = '${DB}'`))[0]
    .map(Number);
  return { t: now(), tables, lsn, wal: { records: wal[0], fpi: wal[1], bytes: wal[2], syncs: wal[3] },
    commits: dbs[0], rollbacks: dbs[1] };
}

async function pgDelta(a, b, deliveries) {
  const walBytes = Number(await sqlValue(DB, `select pg_wal_lsn_diff('${b.lsn}', '${a.lsn}')`));
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

// ------------------------------------------------------------------------------------------------ processes
async function startReceiver() {
  const logStream = fs.createWriteStream(path.join(RAW, 'receiver.log'));
  let resolveReady;
  const ready = new Promise((r) => { resolveReady = r; });
  const child = startChild(process.execPath, ['--max-old-space-size=4096', path.join(HERE, 'lib', 'receiver.mjs'),
    '--port', '0', '--sample', '50', '--max-seconds', '7200'], { logStream,
    onLine: (line) => { const m = /^READY (\d+)/.exec(line); if (m) resolveReady(Number(m[1])); } });
  children.add(child);
  const port = await Promise.race([ready, sleep(10_000).then(() => { throw new Error('receiver did not start'); })]);
  sampler.track('receiver', child.pid);
  return { child, port, base: `http://127.0.0.1:${port}` };
}

function serviceEnv(port, managementPort) {
  // The image's environment (MALLOC_ARENA_MAX, ...) but its JVM options, which are passed on the command line.
  const image = Object.fromEntries(Object.entries(IMAGE_ENV).filter(([k]) => !k.startsWith('JAVA_OPTS')));
  const env = { ...image, PATH: process.env.PATH, HOME: process.env.HOME || '/tmp', LANG: process.env.LANG || 'C.UTF-8',
    JAVA_HOME };
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(WEBHOOKS_|QUARKUS_|DB_POOL_SIZE$|MALLOC_ARENA_MAX$)/.test(k)) env[k] = v;
  }
  // Ingest admits 500 events/s per tenant per replica by default (429 beyond): lifted, so the benchmark measures the
  // delivery pipeline rather than the limiter. Set the variables to measure with the limiter.
  env.WEBHOOKS_LIMITS_TENANT_EVENTS_PER_SECOND ??= '1000000';
  env.WEBHOOKS_LIMITS_TENANT_EVENT_BURST ??= '1000000';
  Object.assign(env, { PORT: String(port), MANAGEMENT_PORT: String(managementPort), DB_HOST: PG.host, DB_PORT: PG.port, DB_NAME: DB, DB_USERNAME: PG.user,
    DB_PASSWORD: process.env.PGPASSWORD || '', WEBHOOKS_SECRETS_ENCRYPTION_KEYS: `bench:${encryptionKey}`,
    WEBHOOKS_SSRF_ALLOW_LIST: '127.0.0.0/8' });
  return env;
}

const OIDC_PROPS = () => [`-Dquarkus.oidc.public-key=${keys.publicKeyDerBase64}`,
  `-Dquarkus.oidc.token.issuer=${ISSUER}`, '-Dquarkus.oidc.auth-server-url='];

let appCopy = null;
function stageApp() {
  // The service runs from a copy, so a rebuild of target/ during the run cannot pull classes from under it.
  if (!appCopy) {
    if (!fs.existsSync(path.join(APP, 'quarkus-run.jar'))) throw new Error(`No ${APP}/quarkus-run.jar: build first`);
    appCopy = path.join(RAW, 'app');
    // Timestamps kept: the JVM refuses an AOT cache whose class-path jars look modified.
    fs.cpSync(APP, appCopy, { recursive: true, preserveTimestamps: true });
  }
  return appCopy;
}

/** Production starts (restart-*, migrated database, image options): best and median ready time. */
function summarizeStartup(startup) {
  const production = startup.runs.filter((r) => r.label.startsWith('restart-'));
  const ready = production.map((r) => r.ready_ms);
  startup.aot_cache = production.every((r) => r.aot_cache);
  startup.ready_ms_migrated_db_best = Math.min(...ready);
  startup.ready_ms_migrated_db_median = percentiles(ready).p50;
}

/** The JVM options of a start: the production ones, without the AOT cache when asked or when the build has none. */
function jvmOptions(app, { aotCache = true } = {}) {
  const useCache = aotCache && fs.existsSync(path.join(app, 'app.aot'));
  return JVM_OPTS.filter((o) => useCache || !AOT_FLAG.test(o));
}

async function startService(label, { aotCache = true, extraJvm = [] } = {}) {
  const app = stageApp();
  const port = await freePort();
  const managementPort = await freePort();
  const logFile = path.join(RAW, `service-${label}.log`);
  const logStream = fs.createWriteStream(logFile);
  let startedIn = null;
  const jvm = [...jvmOptions(app, { aotCache }), ...extraJvm];
  const t0 = now();
  // From the app directory, as the image runs it: the AOT cache records quarkus-run.jar's relative class path.
  const child = startChild(JAVA, [...jvm, ...OIDC_PROPS(), '-jar', 'quarkus-run.jar'], {
    env: serviceEnv(port, managementPort), logStream, cwd: app,
    onLine: (line) => { const m = /started in ([\d.]+)s/.exec(line); if (m) startedIn = Number(m[1]); } });
  children.add(child);
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
  sampler.track('service', child.pid);
  return { child, port, base, logFile, ready_ms: Math.round(readyAt - t0), quarkus_started_in_s: startedIn,
    aot_cache: jvm.some((o) => AOT_FLAG.test(o)),
    rss_mb_at_ready: sampler.sample().rss.service ? Math.round(sampler.sample().rss.service / 1048576) : null };
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

async function stopService() {
  if (!service) return null;
  result.service_log_problems ??= {};
  const file = service.logFile;
  const stopped = await stopChild(service.child, { timeout: 45_000 });
  children.delete(service.child);
  service = null;
  result.service_log_problems[path.basename(file)] = logProblems(file);
  return stopped;
}

async function runDriver(label, args) {
  const out = path.join(RAW, `driver-${label}.txt`);
  const child = startChild(process.execPath, [path.join(HERE, 'lib', 'driver.mjs'), '--service', service.base,
    '--receiver', receiver.base, '--out', out, ...args.map(String)],
  { env: { ...process.env, BENCH_TOKEN: publishToken }, logStream: fs.createWriteStream(path.join(RAW,
    `driver-${label}.log`)) });
  children.add(child);
  sampler.track('driver', child.pid);
  let last = '';
  child.stdout.on('data', (c) => { last += c.toString('utf8'); });
  await child.exited;
  children.delete(child);
  const summary = JSON.parse(last.trim().split('\n').pop());
  if (summary.fatal) throw new Error(`driver ${label}: ${summary.fatal}`);
  const events = new Map();
  for (const line of fs.readFileSync(out, 'utf8').split('\n')) {
    if (!line) continue;
    const [id, sched, sent, acc, status, deliveries] = line.split(' ');
    events.set(id, { sched: Number(sched), sent: Number(sent), acc: Number(acc), status: Number(status),
      deliveries: Number(deliveries) });
  }
  if (summary.errors) {
    log(`driver ${label}: ${summary.errors} failed requests, first: ${summary.first_error}`);
  }
  return { summary, events };
}

// ------------------------------------------------------------------------------------------------ receiver data
async function receiverCount() {
  return (await request('GET', `${receiver.base}/_ctl/count`)).json.n;
}

async function receiverStats() {
  return (await request('GET', `${receiver.base}/_ctl/stats`)).json;
}

async function receiverDump() {
  const r = await request('GET', `${receiver.base}/_ctl/dump`, { timeout: 300_000 });
  const t = [];
  const keys = [];
  for (const line of r.text.split('\n')) {
    if (!line) continue;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    t.push(Number(line.slice(0, a)));
    keys.push(line.slice(a + 1)); // "path webhook-id"
  }
  return { t, keys };
}

// ------------------------------------------------------------------------------------------------ phases
/**
 * Starts a phase: the receiver forgets its arrivals. The tables are not truncated (an emptied table gets plans for an
 * empty table, e.g. sequential scans for the recorder's UPDATE ... FROM unnest(), which production never sees); the
 * phase's rows are told apart by updated_at instead. Returns the phase's start time.
 */
async function resetState() {
  await request('POST', `${receiver.base}/_ctl/reset`);
  await sleep(20);
  return now();
}

/**
 * History, so the tables and their statistics look like a service that has been running (retention keeps 30 days):
 * finished deliveries with their attempt rows, then VACUUM ANALYZE.
 */
async function seedHistory(deliveries) {
  const list = hooks['bench-f10'];
  const events = Math.ceil(deliveries / list.length);
  const t0 = now();
  await sql(DB, `insert into event (id, tenant_id, type, payload, accepted_at)
      select uuid_generate_v7(), 'bench-history', '${EVENT}', '{"event":"${EVENT}","created":"2026-01-01T00:00:00.000000Z","request_id":null,"trace_id":null,"data":{"id":' || g || ',"pad":"${'x'.repeat(900)}"},"changes":null}',
        now() - interval '2 days'
      from generate_series(1, ${events}) g;
    insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, max_attempts,
        next_attempt_at, lease_owner, lease_until, created_at, updated_at)
      select uuid_generate_v7(), e.tenant_id, e.id, w.id, e.type, e.id, 'succeeded', 1, 8, e.accepted_at, null, null,
        e.accepted_at, e.accepted_at
      from event e cross join (select id from webhook where tenant_id = 'bench-f10') w
      where e.tenant_id = 'bench-history';
    insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt, method, url,
        request_headers, response_status, response_reason, response_headers, response_body, duration_ms, error_kind,
        error_message, outcome, next_attempt_at, created_at)
      select uuid_generate_v7(), d.tenant_id, d.id, d.webhook_id, d.event_id, d.event_type, 1, 'post',
        'http://127.0.0.1:1/h/history', '{"Content-Type":"application/json","User-Agent":"perscom-webhooks/1.0 (+https://perscom.io)","Signature":"[redacted]","webhook-id":"msg_x","webhook-timestamp":"1700000000","webhook-signature":"v1,[redacted]"}',
        200, 'OK', '{"content-length":["2"],"content-type":["text/plain"],"connection":["keep-alive"]}', 'ok', 1, null,
        null, 'succeeded', null, d.created_at
      from delivery d where d.tenant_id = 'bench-history';`);
  await sql(DB, 'vacuum analyze event, delivery, delivery_attempt');
  const seconds = round((now() - t0) / 1000, 1);
  log(`history: ${deliveries} finished deliveries with attempts seeded and analyzed in ${seconds} s`);
  return { deliveries: events * list.length, events, seconds };
}

/** Waits until every accepted delivery has arrived and no delivery is pending in the database (bounded). */
async function drain(expected, timeoutS = S.drainTimeout) {
  const t0 = now();
  let lastCount = -1;
  let stableSince = now();
  while (now() - t0 < timeoutS * 1000) {
    const n = await receiverCount();
    if (n !== lastCount) {
      lastCount = n;
      stableSince = now();
    }
    if (n >= expected && now() - stableSince > 300) {
      const pending = Number(await sqlValue(DB, "select count(*) from delivery where status = 'pending'"));
      if (pending === 0) return { drained: true, seconds: round((now() - t0) / 1000, 1), arrivals: n };
    }
    await sleep(n >= expected ? 300 : 100);
  }
  const pending = Number(await sqlValue(DB, "select count(*) from delivery where status = 'pending'"));
  return { drained: false, seconds: round((now() - t0) / 1000, 1), arrivals: lastCount, pending };
}

/**
 * Compares what arrived at the receiver with what the service logged: every delivery row of the phase, its attempts
 * (delivery_attempt) and the receiver's arrivals for (webhook path, webhook-id).
 */
async function verify(label, { acceptedDeliveries, dump, since = null, stopped = false }) {
  const filter = since ? `where d.updated_at >= to_timestamp(${(since / 1000).toFixed(3)})` : '';
  const rows = await sql(DB, `select substring(w.url from '/h/.*$'), d.message_id, d.status,
        d.lease_until is not null, count(a.id) filter (where a.outcome <> 'deferred'),
        count(a.id) filter (where a.outcome = 'succeeded')
      from delivery d join webhook w on w.id = d.webhook_id left join delivery_attempt a on a.delivery_id = d.id
      ${filter} group by d.id, w.url`);
  const arrivals = new Map();
  for (const k of dump.keys) arrivals.set(k, (arrivals.get(k) || 0) + 1);
  const v = { phase: label, delivery_rows: rows.length, accepted_deliveries: acceptedDeliveries ?? null,
    arrivals: dump.keys.length, distinct_arrived: arrivals.size, succeeded: 0, not_succeeded: 0,
    logged_attempts_sent: 0, exact_matches: 0, duplicate_arrivals: 0, duplicates_logged: 0,
    unlogged_arrivals: 0, logged_success_never_arrived: 0, in_flight_at_stop: 0, unexpected_arrivals: 0,
    examples: [] };
  const seen = new Set();
  for (const [p, msg, status, leased, sent, ok] of rows) {
    const key = `${p} msg_${msg}`;
    seen.add(key);
    const got = arrivals.get(key) || 0;
    const nSent = Number(sent);
    const nOk = Number(ok);
    v.logged_attempts_sent += nSent;
    if (status === 'succeeded') v.succeeded++; else v.not_succeeded++;
    if (got > 1) {
      v.duplicate_arrivals += got - 1;
      if (nSent >= got) v.duplicates_logged += got - 1;
    }
    if (got === nSent) {
      v.exact_matches++;
    } else if (got > nSent) {
      if (stopped && leased === 't') v.in_flight_at_stop += got - nSent;
      else {
        v.unlogged_arrivals += got - nSent;
        if (v.examples.length < 5) v.examples.push({ key, arrivals: got, logged: nSent, status });
      }
    }
    if (nOk > got) {
      v.logged_success_never_arrived += nOk - got;
      if (v.examples.length < 5) v.examples.push({ key, arrivals: got, logged_succeeded: nOk, status });
    }
  }
  for (const [key, n] of arrivals) {
    if (!seen.has(key)) {
      v.unexpected_arrivals += n;
      if (v.examples.length < 5) v.examples.push({ key, arrivals: n, logged: 'no such delivery' });
    }
  }
  const lostAccepted = acceptedDeliveries != null ? Math.max(0, acceptedDeliveries - arrivals.size) : 0;
  v.accepted_not_arrived = lostAccepted;
  v.ok = v.unlogged_arrivals === 0 && v.logged_success_never_arrived === 0 && v.unexpected_arrivals === 0
    && (acceptedDeliveries == null || (acceptedDeliveries === rows.length && lostAccepted === 0
      && v.not_succeeded === 0));
  result.verification.push(v);
  if (!v.ok) log(`VERIFICATION FAILED in ${label}: ${JSON.stringify(v)}`);
  return v;
}

/** Latencies (ms) from ingest accepted (202 received by the driver) to arrival at the receiver. */
function latencyStats(events, dump, clockOffset, { arrivalWindow = null, schedWindow = null } = {}) {
  const fromAccepted = [];
  const fromSent = [];
  let matched = 0;
  for (let i = 0; i < dump.t.length; i++) {
    const key = dump.keys[i];
    const id = key.slice(key.indexOf(' msg_') + 5);
    const e = events.get(id);
    if (!e) continue;
    const t = dump.t[i] - clockOffset;
    if (arrivalWindow && (t < arrivalWindow[0] || t > arrivalWindow[1])) continue;
    if (schedWindow && (e.sched < schedWindow[0] || e.sched > schedWindow[1])) continue;
    matched++;
    fromAccepted.push(t - e.acc);
    fromSent.push(t - e.sched);
  }
  return { matched, ingest_accepted_to_arrival_ms: percentiles(fromAccepted),
    request_scheduled_to_arrival_ms: percentiles(fromSent) };
}

function ingestStats(events, window) {
  const times = [];
  let accepted = 0;
  for (const e of events.values()) {
    if (e.status !== 202) continue;
    if (window && (e.acc < window[0] || e.acc > window[1])) continue;
    accepted++;
    times.push(e.acc - e.sent);
  }
  return { accepted, response_ms: percentiles(times) };
}

function minOf(values) {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

function maxOf(values) {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

function arrivalsIn(dump, clockOffset, [a, b]) {
  let n = 0;
  for (const t of dump.t) if (t - clockOffset >= a && t - clockOffset <= b) n++;
  return n;
}

function perSecond(dump, clockOffset, t0, seconds) {
  const buckets = new Array(Math.ceil(seconds)).fill(0);
  for (const t of dump.t) {
    const s = Math.floor((t - clockOffset - t0) / 1000);
    if (s >= 0 && s < buckets.length) buckets[s]++;
  }
  return buckets;
}

/** Marks a phase during which processes outside the benchmark took more than a quarter of a core. */
function disturbed(r) {
  const other = r.usage?.cpu_pct_of_one_core?.everything_else;
  r.disturbed = other != null && other > 25;
  if (r.disturbed) {
    result.notes.push(`Phase ${r.label}: processes outside the benchmark used ${other} % of one core meanwhile; its numbers are pessimistic.`);
  }
}

/** Events per batch request: about 200 deliveries per request, within the API's 100 events per batch. */
function batchFor(fanout) {
  return Math.min(100, Math.max(1, Math.round(200 / fanout)));
}

/**
 * Saturation: closed loop on the batch endpoint with at most `window` deliveries accepted but not yet arrived.
 * Deliveries/s and latency are taken over [warm, warm + measure] seconds after the start.
 */
async function saturation(label, { tenant, fanout, payload = 1024, warm, measure, window = opt.window || 1000, concurrency = 4,
  profile = false, pgStats = false }) {
  log(`${label}: saturation, fan-out ${fanout}, payload ${payload} B, ${warm} s warm-up + ${measure} s`);
  const since = await resetState();
  const statsBefore = await receiverStats();
  if (pgStats) {
    // Idle backends flush their table statistics up to 10 s late: let the previous phase's writes land first.
    await sleep(11_000);
  }
  const pgBefore = pgStats ? await pgSnapshot() : null;
  const recordings = [];
  if (profile && opt.profile) {
    recordings.push(sleep(warm * 1000).then(() => profileWindow(label, measure)));
  }
  const { summary, events } = await runDriver(label, ['--mode', 'closed', '--tenant', tenant, '--fanout', fanout,
    '--batch', batchFor(fanout), '--concurrency', concurrency, '--window', window, '--duration', warm + measure,
    '--payload-bytes', payload]);
  const d = await drain(summary.deliveries_accepted);
  const profiles = await Promise.all(recordings);
  const dump = await receiverDump();
  const offset = summary.clock ? summary.clock.offset_ms : 0;
  const win = [summary.t_start + warm * 1000, summary.t_start + (warm + measure) * 1000];
  const delivered = arrivalsIn(dump, offset, win);
  const ingest = ingestStats(events, win);
  const usage = sampler.usage(win[0], win[1]);
  const v = await verify(label, { acceptedDeliveries: summary.deliveries_accepted, dump, since });
  const statsAfter = await receiverStats();
  let pg = null;
  if (pgStats) {
    log(`${label}: waiting 11 s for PostgreSQL's table statistics to be flushed`);
    await sleep(11_000);
    pg = await pgDelta(pgBefore, await pgSnapshot(), v.delivery_rows);
  }
  const r = {
    label, tenant, fanout, payload_bytes: payload, window_deliveries: window, concurrency, batch: batchFor(fanout),
    warmup_s: warm, measured_s: measure,
    deliveries_per_s: round(delivered / measure, 0),
    events_accepted_per_s: round(ingest.accepted / measure, 0),
    ingest_response_ms: ingest.response_ms,
    latency: latencyStats(events, dump, offset, { arrivalWindow: win }),
    arrivals_per_second: perSecond(dump, offset, summary.t_start, warm + measure),
    driver: { ...summary, clock: summary.clock },
    drain: d, usage, postgres_writes: pg,
    signatures: { checked: statsAfter.signatures.checked - statsBefore.signatures.checked,
      ok: statsAfter.signatures.ok - statsBefore.signatures.ok, bad: statsAfter.signatures.bad - statsBefore.signatures.bad },
    verification_ok: v.ok,
  };
  if (profiles.length) r.profile = profiles[0];
  disturbed(r);
  log(`${label}: ${r.deliveries_per_s} deliveries/s, ${r.events_accepted_per_s} events/s, p99 ${r.latency
    .ingest_accepted_to_arrival_ms.p99} ms, service CPU ${usage?.cpu_pct_of_one_core.service} %, RSS max ${usage?.rss
    .service?.max_mb} MB, verification ${v.ok ? 'ok' : 'FAILED'}`);
  return r;
}

/** Open loop: single-event requests at a fixed rate (deliveries/s = events/s x fan-out). */
async function fixedRate(label, { tenant, fanout, payload = 1024, deliveriesPerS, seconds, skip = 2 }) {
  const eventsPerS = deliveriesPerS / fanout;
  log(`${label}: fixed rate ${deliveriesPerS} deliveries/s (${round(eventsPerS, 1)} events/s x fan-out ${fanout}) for ${seconds} s`);
  const since = await resetState();
  const statsBefore = await receiverStats();
  const { summary, events } = await runDriver(label, ['--mode', 'open', '--tenant', tenant, '--rate', eventsPerS,
    '--duration', seconds, '--payload-bytes', payload]);
  const d = await drain(summary.deliveries_accepted);
  const dump = await receiverDump();
  const offset = summary.clock ? summary.clock.offset_ms : 0;
  const win = [summary.t_start + skip * 1000, summary.t_start + seconds * 1000];
  const lat = latencyStats(events, dump, offset, { schedWindow: win });
  const usage = sampler.usage(win[0], win[1]);
  const v = await verify(label, { acceptedDeliveries: summary.deliveries_accepted, dump, since });
  const statsAfter = await receiverStats();
  const r = {
    label, tenant, fanout, payload_bytes: payload, offered_deliveries_per_s: deliveriesPerS,
    offered_events_per_s: round(eventsPerS, 2), seconds, skipped_s: skip,
    achieved_deliveries_per_s: round(lat.matched / (seconds - skip), 0),
    ingest_response_ms: ingestStats(events, null).response_ms,
    latency: lat, driver: summary, drain: d, usage,
    signatures: { checked: statsAfter.signatures.checked - statsBefore.signatures.checked,
      ok: statsAfter.signatures.ok - statsBefore.signatures.ok, bad: statsAfter.signatures.bad - statsBefore.signatures.bad },
    verification_ok: v.ok,
  };
  disturbed(r);
  const l = lat.ingest_accepted_to_arrival_ms;
  log(`${label}: p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} max ${l.max} ms over ${l.count} deliveries; drain ${d.seconds} s; verification ${v.ok ? 'ok' : 'FAILED'}`);
  return r;
}

// ------------------------------------------------------------------------------------------------ profiling
async function profileWindow(label, seconds) {
  const out = {};
  const jcmd = path.join(JAVA_HOME, 'bin', 'jcmd');
  const jfr = path.join(RAW, `${label}.jfr`);
  const tasks = [];
  try {
    await run(jcmd, [String(service.child.pid), 'JFR.start', `name=${label}`, 'settings=profile',
      'method-profiling=max', `duration=${seconds}s`, `filename=${jfr}`]);
    out.jfr_file = path.relative(ROOT, jfr);
  } catch (e) {
    out.jfr_error = String(e.message).slice(0, 300);
  }
  const perfSeconds = Math.min(15, seconds);
  const perfData = path.join(RAW, `${label}.perf.data`);
  tasks.push(run('perf', ['record', '-F', '199', '-a', '-o', perfData, '--', 'sleep', String(perfSeconds)],
    { timeout: (perfSeconds + 30) * 1000 }).then(() => { out.perf_file = path.relative(ROOT, perfData); },
    (e) => { out.perf_error = String(e.message).slice(0, 300); }));
  await Promise.all(tasks);
  const t0 = now();
  while (out.jfr_file && !fs.existsSync(jfr) && now() - t0 < (seconds + 30) * 1000) await sleep(500);
  await sleep(1000);
  return out;
}

async function summarizeProfile(p) {
  const s = {};
  if (p?.jfr_file) {
    try {
      const { stdout } = await run(JAVA, [path.join(HERE, 'lib', 'JfrSummary.java'), path.join(ROOT, p.jfr_file)],
        { timeout: 300_000 });
      s.jfr = JSON.parse(stdout);
    } catch (e) {
      s.jfr_error = String(e.message).slice(0, 500);
    }
  }
  if (p?.perf_file) {
    try {
      const file = path.join(ROOT, p.perf_file);
      const parse = (text) => text.split('\n').filter((l) => /^\s+[\d.]+%/.test(l)).slice(0, 20)
        .map((l) => l.trim().replace(/\s+/g, ' '));
      const byComm = await run('perf', ['report', '-i', file, '--no-children', '--sort', 'comm', '--stdio'],
        { timeout: 120_000 });
      const byDso = await run('perf', ['report', '-i', file, '--no-children', '--sort', 'comm,dso', '--stdio'],
        { timeout: 120_000 });
      const pgSyms = await run('perf', ['report', '-i', file, '--no-children', '--comms', 'postgres', '--sort',
        'sym', '--stdio'], { timeout: 120_000 });
      s.perf = { by_process: parse(byComm.stdout), by_process_and_object: parse(byDso.stdout),
        postgres_top_symbols: parse(pgSyms.stdout) };
    } catch (e) {
      s.perf_error = String(e.message).slice(0, 500);
    }
  }
  return s;
}

// ------------------------------------------------------------------------------------------------ setup
async function createWebhooks(tenant, count) {
  const admin = token(keys.privateKey, { sub: 'bench-admin', scope: 'manage:webhook', tenant_id: tenant });
  const list = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const body = { name: `bench ${tenant} ${i}`, url: `${receiver.base}/h/${tenant}/${i}`, events: [EVENT] };
      // Half with a secret of our own (signed with its UTF-8 bytes), half generated (whsec_, base64-decoded key).
      if (i % 2 === 0) body.secret = `bench-secret-${crypto.randomBytes(12).toString('hex')}`;
      const r = await request('POST', `${service.base}/api/v1/webhooks`, { headers: { authorization: `Bearer ${admin}` },
        body });
      if (r.status !== 201 && r.status !== 200) throw new Error(`creating a webhook: ${r.status} ${r.text}`);
      list[i] = { id: r.json.id, path: `/h/${tenant}/${i}`, secret: r.json.secret };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await request('POST', `${receiver.base}/_ctl/secrets`, { body: Object.fromEntries(list.map((h) => [h.path, h.secret])) });
  hooks[tenant] = list;
  return list;
}

async function authChecks() {
  const url = `${service.base}/internal/v1/events`;
  const body = { tenant_id: 'bench-none', event: EVENT, data: { check: true } };
  const other = keyPair();
  const wrongKey = token(other.privateKey, { sub: 'x', scope: 'publish:event' });
  const wrongIssuer = token(keys.privateKey, { sub: 'x', scope: 'publish:event', iss: 'https://elsewhere.invalid' });
  const expired = token(keys.privateKey, { sub: 'x', scope: 'publish:event' }, -120);
  const adminScope = token(keys.privateKey, { sub: 'x', scope: 'manage:webhook', tenant_id: 'bench-none' });
  const status = async (tok) => (await request('POST', url, { headers: tok ? { authorization: `Bearer ${tok}` } : {},
    body })).status;
  const checks = {
    publish_token: await status(publishToken),
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

// ------------------------------------------------------------------------------------------------ sections
async function limitsWrk() {
  const body = JSON.stringify({ event: EVENT, created: new Date().toISOString(), request_id: null, trace_id: null,
    data: { pad: 'x'.repeat(880) }, changes: null });
  const script = path.join(RAW, 'wrk-post.lua');
  fs.writeFileSync(script, `wrk.method = "POST"
wrk.body = ${JSON.stringify(body)}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "perscom-webhooks/1.0 (+https://perscom.io)"
wrk.headers["webhook-id"] = "msg_wrk"
wrk.headers["webhook-timestamp"] = "1700000000"
wrk.headers["webhook-signature"] = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
wrk.headers["Signature"] = "0000000000000000000000000000000000000000000000000000000000000000"
`);
  await request('POST', `${receiver.base}/_ctl/reset`);
  const t0 = now();
  log(`limits: wrk against the receiver for ${S.wrkSecs} s (2 threads, 64 connections, ${body.length} B bodies)`);
  const { stdout } = await run('wrk', ['-t2', '-c64', `-d${S.wrkSecs}s`, '--latency', '-s', script,
    `${receiver.base}/h/wrk/0`], { timeout: (S.wrkSecs + 30) * 1000 });
  const usage = sampler.usage(t0 + 500, now() - 500);
  await request('POST', `${receiver.base}/_ctl/reset`);
  const rps = Number((/Requests\/sec:\s+([\d.]+)/.exec(stdout) || [])[1]);
  const lat = {};
  for (const m of stdout.matchAll(/^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)/gm)) {
    lat[`p${m[1]}`] = Number(m[2]) * (m[3] === 'us' ? 0.001 : m[3] === 's' ? 1000 : 1);
  }
  const r = { tool: 'wrk -t2 -c64', seconds: S.wrkSecs, body_bytes: body.length, requests_per_s: Math.round(rps),
    latency_ms: lat, usage, output: stdout.trim().split('\n').slice(0, 14) };
  log(`limits: wrk ${r.requests_per_s} requests/s`);
  return r;
}

/** pgbench on the same tables with the service stopped: the rows of fan-out 10 deliveries, batched as the service does. */
async function limitsPgbench() {
  const tenant = 'bench-f10';
  const fanout = hooks[tenant]?.length || 10;
  const eventsPerTxn = batchFor(fanout);
  const recordBatch = eventsPerTxn * fanout;
  const counts = async () => (await sql(DB, `select (select count(*) from event where tenant_id = '${tenant}'),
      (select count(*) from delivery where tenant_id = '${tenant}'),
      (select count(*) from delivery where tenant_id = '${tenant}' and status = 'succeeded'),
      (select count(*) from delivery_attempt where tenant_id = '${tenant}')`))[0].map(Number);
  const base = await counts();
  const payload = JSON.stringify({ event: EVENT, created: '2026-01-01T00:00:00.000000Z', request_id: null,
    trace_id: null, data: { id: 1, pad: 'x'.repeat(900) }, changes: null }).replace(/'/g, "''");
  const fanOutStatement = `with ev as (
    insert into event (id, tenant_id, type, payload, trace_id, accepted_at)
    values (gen_random_uuid(), '${tenant}', '${EVENT}', '${payload}', null, now()) returning id, tenant_id, type
  ), d as (
    insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, max_attempts,
        next_attempt_at, lease_owner, lease_until, created_at, updated_at)
    select uuid_generate_v7(), ev.tenant_id, ev.id, w.id, ev.type, ev.id, 'pending', 0, 8, now(), 'pgbench',
        now() + interval '5 minutes', now(), now()
    from ev join webhook w on w.tenant_id = ev.tenant_id and w.enabled and w.events @> array[ev.type]::text[]
    returning id
  ) select count(*) from d;`;
  const ingest = `BEGIN;\n${Array.from({ length: eventsPerTxn }, () => fanOutStatement).join('\n')}\nCOMMIT;\n`;
  const requestHeaders = JSON.stringify({ 'Content-Type': 'application/json', 'User-Agent': 'perscom-webhooks/1.0 (+https://perscom.io)',
    Signature: '[redacted]', 'webhook-id': 'msg_00000000-0000-0000-0000-000000000000', 'webhook-timestamp': '1700000000',
    'webhook-signature': 'v1,[redacted]' });
  const responseHeaders = JSON.stringify({ 'content-length': ['2'], 'content-type': ['text/plain'],
    date: ['Mon, 01 Jan 2026 00:00:00 GMT'], connection: ['keep-alive'], 'keep-alive': ['timeout=60'] });
  const record = `BEGIN;
with todo as (
    select id, tenant_id, event_id, webhook_id, event_type from delivery
    where status = 'pending' and lease_owner = 'pgbench' order by next_attempt_at limit ${recordBatch} for update skip locked
), a as (
    insert into delivery_attempt (id, tenant_id, delivery_id, webhook_id, event_id, event_type, attempt, method, url,
        request_headers, response_status, response_reason, response_headers, response_body, duration_ms, error_kind,
        error_message, outcome, next_attempt_at, created_at)
    select uuid_generate_v7(), t.tenant_id, t.id, t.webhook_id, t.event_id, t.event_type, 1, 'post',
        'http://127.0.0.1:9999/h/bench-f10/0', '${requestHeaders}'::jsonb, 200, 'OK', '${responseHeaders}'::jsonb, 'ok',
        1, null, null, 'succeeded', null, now()
    from todo t
)
update delivery d set status = 'succeeded', attempts = 1, next_attempt_at = d.next_attempt_at, lease_owner = null,
    lease_until = null, updated_at = now()
from todo where d.id = todo.id;
COMMIT;
`;
  fs.writeFileSync(path.join(RAW, 'pgbench-ingest.sql'), ingest);
  fs.writeFileSync(path.join(RAW, 'pgbench-record.sql'), record);
  log(`limits: pgbench for ${S.pgbenchSecs} s (ingest: ${eventsPerTxn} fan-out statements per transaction; record: ${recordBatch} attempts + delivery updates per transaction)`);
  const before = await pgSnapshot();
  const t0 = now();
  const { stdout } = await run('pgbench', ['-n', '-h', PG.host, '-p', PG.port, '-U', PG.user, '-c', '4', '-j', '2',
    '-T', String(S.pgbenchSecs), '-f', path.join(RAW, 'pgbench-ingest.sql') + '@1', '-f',
    path.join(RAW, 'pgbench-record.sql') + '@1', DB], { timeout: (S.pgbenchSecs + 60) * 1000 });
  const elapsed = (now() - t0) / 1000;
  const usage = sampler.usage(t0 + 500, now() - 500);
  const [events, deliveries, done, attempts] = (await counts()).map((v, i) => v - base[i]);
  await sleep(11_000);
  const pg = await pgDelta(before, await pgSnapshot(), done);
  const rows = events + deliveries + attempts + done;
  const r = { tool: 'pgbench -c4 -j2', seconds: round(elapsed, 1), tenant, fanout, events_per_ingest_txn: eventsPerTxn,
    attempts_per_record_txn: recordBatch, events, deliveries_inserted: deliveries, deliveries_completed: done,
    attempts_inserted: attempts, rows_per_s: Math.round(rows / elapsed),
    completed_deliveries_per_s: Math.round(done / elapsed), inserted_deliveries_per_s: Math.round(deliveries / elapsed),
    postgres_writes: pg, usage, output: stdout.trim().split('\n').filter((l) => /tps|latency|transactions|script/.test(l)) };
  log(`limits: pgbench ${r.rows_per_s} rows/s = ${r.completed_deliveries_per_s} completed deliveries/s`);
  return r;
}

async function sweep() {
  const points = [];
  for (const rate of S.sweepRates) {
    const seconds = rate === 1000 ? S.sweep1000Secs : S.sweepSecs;
    const p = await fixedRate(`sweep-${rate}`, { tenant: `bench-f${opt.fanout || 10}`, fanout: opt.fanout || 10, payload: opt.payloadBytes,
      deliveriesPerS: rate, seconds });
    points.push(p);
    const l = p.latency.ingest_accepted_to_arrival_ms;
    if (p.achieved_deliveries_per_s < 0.9 * rate || (l.p99 ?? 0) > 2000 || !p.drain.drained) {
      log(`sweep: saturated at ${rate} deliveries/s offered (achieved ${p.achieved_deliveries_per_s}); stopping the sweep`);
      break;
    }
  }
  return points;
}

async function burst() {
  // Ingest as fast as the batch endpoint accepts, with no window: the deliveries pile up in memory (up to
  // max-queued) and then in the database, and drain afterwards.
  const label = 'ingest-burst';
  const tenant = 'bench-f1';
  log(`${label}: unthrottled ingest for ${S.burstSecs} s (batches of 100 events, fan-out 1, 4 connections)`);
  const since = await resetState();
  const { summary, events } = await runDriver(label, ['--mode', 'closed', '--tenant', tenant, '--fanout', 1,
    '--batch', 100, '--concurrency', 4, '--window', 1e12, '--duration', S.burstSecs]);
  const tEnd = now();
  const d = await drain(summary.deliveries_accepted);
  const dump = await receiverDump();
  const offset = summary.clock ? summary.clock.offset_ms : 0;
  const win = [summary.t_start, summary.t_start + S.burstSecs * 1000];
  const ingest = ingestStats(events, win);
  const v = await verify(label, { acceptedDeliveries: summary.deliveries_accepted, dump, since });
  const r = { label, tenant, fanout: 1, seconds: S.burstSecs, events_accepted: summary.events_accepted,
    events_accepted_per_s: round(ingest.accepted / S.burstSecs, 0), ingest_response_ms: ingest.response_ms,
    deliveries_during_burst_per_s: round(arrivalsIn(dump, offset, win) / S.burstSecs, 0),
    drain_after_burst_s: round((d.drained ? (maxOf(dump.t) - offset - tEnd) : NaN) / 1000, 1),
    latency: latencyStats(events, dump, offset, {}), usage: sampler.usage(win[0], win[1]), drain: d,
    verification_ok: v.ok, driver: summary };
  log(`${label}: ${r.events_accepted_per_s} events/s accepted; deliveries during the burst ${r.deliveries_during_burst_per_s}/s`);
  return r;
}

async function insertFiller(from, to) {
  // Webhooks that must not match: in other tenants (20 each, under the 100-per-tenant limit), half subscribed to the
  // same event type, half to other types. Their URLs point at the receiver, so a wrong match would show up.
  await sql(DB, `insert into webhook (id, tenant_id, name, url, method, secret_key_id, secret_ciphertext, events,
        enabled, created_at, updated_at)
      select uuid_generate_v7(), 'filler-' || (g / 20), 'filler ' || g,
        '${receiver.base}/h/filler/' || g, 'post', 'bench', decode(md5(g::text), 'hex'),
        case when g % 2 = 0 then array['${EVENT}', 'user.updated'] else array['user.updated', 'user.deleted'] end,
        true, now(), now()
      from generate_series(${from}, ${to - 1}) g;
      analyze webhook;`);
}

async function growth() {
  const out = result.growth;
  const cell = async (group, name, cfg) => {
    const sat = await saturation(`${group}-${name}`, { ...cfg, warm: S.cellWarm, measure: S.cellMeasure });
    const lat = await fixedRate(`${group}-${name}-1000`, { ...cfg, deliveriesPerS: 1000, seconds: S.cellLatencySecs });
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
      await insertFiller(stored, target);
      log(`stored webhooks: ${target} (inserted ${target - stored} in ${round((now() - t0) / 1000, 1)} s)`);
      stored = target;
    }
    await cell('stored', String(target), { tenant: 'bench-f10', fanout: 10, stored_webhooks: target });
  }
  await sql(DB, "delete from webhook where name like 'filler %'");
  await sql(DB, 'vacuum analyze webhook');
  for (const payload of [1024, 65536]) {
    await cell('payload', `${payload / 1024}KiB`, { tenant: 'bench-f10', fanout: 10, payload,
      window: payload > 4096 ? Math.min(1000, opt.window || 1000) : undefined });
  }
}

async function backlog() {
  const label = 'backlog';
  const n = S.backlog;
  const tenant = 'bench-backlog';
  const list = hooks[tenant];
  const eventsN = Math.ceil(n / list.length);
  log(`${label}: inserting ${n} due deliveries (${eventsN} events x ${list.length} webhooks) with SQL`);
  await resetState();
  // No previous phase may have left work behind: the drain is measured from an otherwise idle service.
  const leftover = Number(await sqlValue(DB, `select count(*) from delivery where status = 'pending'
      and lease_owner is distinct from 'pgbench'`));
  if (leftover) result.notes.push(`${leftover} deliveries were still pending before the backlog phase.`);
  const payloadPad = 'x'.repeat(900);
  const t0 = now();
  await sql(DB, `begin;
    insert into event (id, tenant_id, type, payload, accepted_at)
      select uuid_generate_v7(), '${tenant}', '${EVENT}',
        '{"event":"${EVENT}","created":"2026-01-01T00:00:00.000000Z","request_id":null,"trace_id":null,"data":{"id":' || g
          || ',"pad":"${payloadPad}"},"changes":null}', now() - interval '10 minutes'
      from generate_series(1, ${eventsN}) g;
    insert into delivery (id, tenant_id, event_id, webhook_id, event_type, message_id, status, attempts, max_attempts,
        next_attempt_at, lease_owner, lease_until, created_at, updated_at)
      select uuid_generate_v7(), e.tenant_id, e.id, w.id, e.type, e.id, 'pending', 1, 8,
        now() - random() * interval '5 minutes', null, null, now() - interval '10 minutes', now() - interval '10 minutes'
      from event e cross join (select id from webhook where tenant_id = '${tenant}') w
      where e.tenant_id = '${tenant}';
    commit;`);
  // The service starts claiming as soon as the transaction commits.
  const committed = now();
  const insertSeconds = round((committed - t0) / 1000, 1);
  log(`${label}: committed in ${insertSeconds} s; measuring the drain for at most ${S.backlogWindow} s`);
  const pgBefore = await pgSnapshot();
  const profiling = opt.profile ? sleep(Math.min(10, S.backlogWindow / 4) * 1000)
    .then(() => profileWindow('backlog', Math.min(30, Math.floor(S.backlogWindow / 2)))) : null;
  let done = 0;
  const progress = [];
  while (now() - committed < S.backlogWindow * 1000) {
    await sleep(1000);
    done = await receiverCount();
    progress.push({ s: round((now() - committed) / 1000, 1), arrived: done });
    if (done >= n) break;
  }
  const windowEnd = now();
  const profile = profiling ? await profiling : null;
  const usage = sampler.usage(committed, windowEnd);
  const rssWhileDraining = usage?.rss?.service;
  // Stop the service to end the drain; deliveries in flight at that moment keep their lease and are retried by a
  // later replica (at-least-once), which the verification reports separately.
  const stop = await stopService();
  const dump = await receiverDump();
  const arrived = dump.t.length;
  const first = minOf(dump.t);
  const last = maxOf(dump.t);
  const drainedAll = arrived >= n;
  const steadyFrom = first + 5000;
  let steadyN = 0;
  for (const t of dump.t) if (t >= steadyFrom) steadyN++;
  const steadyRate = last > steadyFrom ? steadyN / ((last - steadyFrom) / 1000) : arrived / ((last - first) / 1000);
  const v = await verify(label, { acceptedDeliveries: null, dump, since: t0, stopped: true });
  const state = Object.fromEntries((await sql(DB, `select status || case when lease_until is not null then ' (leased)'
      else '' end, count(*) from delivery group by 1`)).map(([k, c]) => [k, Number(c)]));
  await sleep(11_000);
  const pg = await pgDelta(pgBefore, await pgSnapshot(), v.succeeded);
  const r = {
    label, backlog_deliveries: n, events: eventsN, webhooks: list.length, insert_seconds: insertSeconds,
    window_s: S.backlogWindow, measured_s: round((windowEnd - committed) / 1000, 1),
    first_arrival_after_commit_ms: Math.round(first - committed),
    arrived_in_window: arrived, drained_completely: drainedAll,
    drain_rate_per_s: round(arrived / ((windowEnd - committed) / 1000), 0),
    steady_drain_rate_per_s: round(steadyRate, 0),
    drain_seconds: drainedAll ? round((last - committed) / 1000, 1) : null,
    extrapolated_drain_seconds: drainedAll ? null : round((n - arrived) / steadyRate + (windowEnd - committed) / 1000, 0),
    extrapolated: !drainedAll,
    arrivals_per_second: perSecond(dump, 0, committed, (windowEnd - committed) / 1000),
    delivery_state_after_stop: state, service_stop: stop, usage, rss_while_draining: rssWhileDraining,
    postgres_writes: pg, verification_ok: v.ok,
  };
  if (profile) r.profile = profile;
  log(`${label}: ${arrived} of ${n} delivered in ${r.measured_s} s (steady ${r.steady_drain_rate_per_s}/s); ${drainedAll
    ? `drained in ${r.drain_seconds} s` : `extrapolated full drain ${r.extrapolated_drain_seconds} s`}`);
  return r;
}

// ------------------------------------------------------------------------------------------------ main
/** Waits (bounded) until the processes outside the benchmark use less than 25 % of one core for 5 s in a row. */
async function waitQuiet(maxSeconds) {
  const t0 = now();
  let quiet = 0;
  let last = [];
  while (now() - t0 < maxSeconds * 1000) {
    last = await otherLoad();
    const busy = last.reduce((s, p) => s + p.cpu_pct, 0);
    quiet = busy < 25 ? quiet + 1 : 0;
    if (quiet >= 5) return { waited_s: round((now() - t0) / 1000, 0), quiet: true };
    if (quiet === 0 && Math.round((now() - t0) / 1000) % 30 < 1) {
      log(`waiting for a quieter machine: ${last.map((p) => `${p.comm} ${p.cpu_pct} %`).join(', ')}`);
    }
  }
  return { waited_s: round((now() - t0) / 1000, 0), quiet: false, busy: last };
}

async function main() {
  log(`results: ${RESULTS} (raw files in ${RAW})`);
  result.machine = await describeMachine();
  const maxWait = opt.waitQuiet ?? (Q ? 60 : 300);
  if (maxWait > 0) {
    result.meta.wait_for_quiet_machine = await waitQuiet(maxWait);
    if (!result.meta.wait_for_quiet_machine.quiet) {
      result.notes.push(`The machine did not become quiet within ${maxWait} s; the run went ahead anyway.`);
    }
  }
  result.machine.other_busy_processes_at_start = await otherLoad();
  if (result.machine.other_busy_processes_at_start.length) {
    result.notes.push(`Other processes were using CPU when the run started: ${result.machine.other_busy_processes_at_start
      .map((p) => `${p.comm} (${p.cpu_pct} %)`).join(', ')}. Their share during each phase is reported as "everything else".`);
  }
  if (!process.env.WEBHOOKS_LIMITS_TENANT_EVENTS_PER_SECOND) {
    result.notes.push('The per-tenant ingest rate limit (webhooks.limits.tenant-events-per-second, 500 events/s per tenant and replica by default) was lifted to 1 000 000 for the run: the benchmark posts for one tenant at a time and measures the pipeline, not the limiter. With the default, one tenant at fan-out 10 is capped at 5 000 deliveries/s by design.');
  }
  sampler.track('orchestrator', process.pid);
  sampler.start();
  await freshDatabase();
  receiver = await startReceiver();

  // Start-up: the first start on the empty database runs the migrations; then two restarts on a migrated one.
  // For comparison, two starts without the AOT cache (the JVM's ordinary class loading and JIT warm-up).
  const startup = { runs: [] };
  const starts = [['fresh-db', true], ['no-aot-cache-1', false], ['no-aot-cache-2', false], ['restart-1', true],
    ['restart-2', true]];
  for (const [label, aotCache] of starts) {
    service = await startService(label, { aotCache });
    startup.runs.push({ label, aot_cache: service.aot_cache, ready_ms: service.ready_ms,
      quarkus_started_in_s: service.quarkus_started_in_s, rss_mb_at_ready: service.rss_mb_at_ready });
    log(`start-up (${label}): ready ${service.ready_ms} ms after the process started (Quarkus: ${service.quarkus_started_in_s} s)`);
    if (label !== 'restart-2') {
      const stopped = await stopService();
      startup.runs[startup.runs.length - 1].stop_ms = Math.round(stopped.ms);
    }
  }
  summarizeStartup(startup);
  if (!startup.aot_cache) result.notes.push('The jar had no AOT cache (app.aot; `./mvnw verify` records it): every start ran without it.');
  startup.ready_ms_fresh_db = startup.runs[0].ready_ms;
  startup.ready_ms_without_aot_cache_best = Math.min(...startup.runs.filter((r) => !r.aot_cache).map((r) => r.ready_ms));
  result.startup = startup;

  result.auth_checks = await authChecks();
  if (!result.auth_checks.ok) result.errors.push(`Authentication checks did not answer as expected: ${JSON.stringify(result.auth_checks)}`);

  for (const [tenant, n] of [['bench-f1', 1], ['bench-f10', 10], ['bench-f100', 100], ['bench-backlog', S.backlogWebhooks]]) {
    await createWebhooks(tenant, n);
  }
  log(`created ${Object.values(hooks).reduce((s, l) => s + l.length, 0)} webhooks through the admin API`);
  result.history = await seedHistory(S.history);

  if (sections.has('limits')) result.limits.wrk = await limitsWrk();

  if (sections.has('saturation')) {
    // Warm the JIT a little first, so the measured window is the steady state.
    const fanout = opt.fanout || 10;
    await saturation('jit-warm-up', { tenant: `bench-f${fanout}`, fanout, warm: 0, measure: Q ? 5 : 10 });
    result.verification.pop();
    result.saturation = await saturation('saturation', { tenant: `bench-f${fanout}`, fanout, payload: opt.payloadBytes,
      warm: S.satWarm,
      measure: S.satMeasure, profile: true, pgStats: true });
    if (result.saturation.profile) result.profile.saturation = await summarizeProfile(result.saturation.profile);
  }
  if (sections.has('sweep')) result.sweep = await sweep();
  if (sections.has('burst')) result.burst = await burst();
  if (sections.has('growth')) await growth();
  if (sections.has('lean')) result.lean = await lean();
  if (sections.has('pgbench')) {
    // PostgreSQL's own limit for the same rows, with the service stopped; then a fourth start for the backlog.
    await stopService();
    result.limits.pgbench = await limitsPgbench();
    if (sections.has('backlog')) {
      service = await startService('restart-3');
      startup.runs.push({ label: 'restart-3', aot_cache: service.aot_cache, ready_ms: service.ready_ms,
        quarkus_started_in_s: service.quarkus_started_in_s, rss_mb_at_ready: service.rss_mb_at_ready });
      summarizeStartup(startup);
    }
  }
  if (sections.has('backlog')) {
    result.backlog = await backlog();
    if (result.backlog.profile) result.profile.backlog = await summarizeProfile(result.backlog.profile);
  }
  await stopService();
}

/**
 * The same start-up and saturation measurements with the lean JVM option added: what a memory-constrained pod gives
 * up in throughput for its smaller footprint and faster start. The default service is started again afterwards.
 */
async function lean() {
  await stopService();
  const out = { jvm_opts_added: LEAN_JVM.join(' '), startup: [] };
  for (const label of ['lean-1', 'lean-2']) {
    service = await startService(label, { extraJvm: LEAN_JVM });
    out.startup.push({ label, ready_ms: service.ready_ms, rss_mb_at_ready: service.rss_mb_at_ready });
    log(`start-up (${label}): ready ${service.ready_ms} ms after the process started`);
    if (label === 'lean-1') await stopService();
  }
  const fanout = opt.fanout || 10;
  await saturation('lean-warm-up', { tenant: `bench-f${fanout}`, fanout, warm: 0, measure: Q ? 5 : 10 });
  result.verification.pop();
  out.saturation = await saturation('lean-saturation', { tenant: `bench-f${fanout}`, fanout,
    payload: opt.payloadBytes, warm: S.satWarm, measure: S.satMeasure });
  await stopService();
  if (!sections.has('pgbench')) service = await startService('after-lean');
  return out;
}

function finishReport() {
  result.meta.finished_at = new Date().toISOString();
  result.meta.duration_s = round((Date.now() - startedAt.getTime()) / 1000, 0);
  const sat = result.saturation;
  const ratios = {};
  if (sat && result.limits.wrk) ratios.deliveries_per_s_vs_wrk_requests_per_s = round(sat.deliveries_per_s / result.limits.wrk.requests_per_s, 3);
  if (sat && result.limits.pgbench) ratios.deliveries_per_s_vs_pgbench_deliveries_per_s = round(sat.deliveries_per_s / result.limits.pgbench.completed_deliveries_per_s, 3);
  result.ratios = ratios;
  const at1000 = result.sweep.find((p) => p.offered_deliveries_per_s === 1000);
  result.targets = [
    { target: '>= 5000 deliveries/s sustained, every attempt logged (fan-out 10)', value: sat?.deliveries_per_s ?? null,
      unit: 'deliveries/s', met: sat ? sat.deliveries_per_s >= 5000 && sat.verification_ok : null },
    { target: 'p99 ingest-to-arrival < 50 ms at 1000 deliveries/s', value: at1000?.latency.ingest_accepted_to_arrival_ms.p99 ?? null,
      unit: 'ms', met: at1000 ? at1000.latency.ingest_accepted_to_arrival_ms.p99 < 50 : null },
    { target: 'service RSS < 300 MB at saturation', value: sat?.usage?.rss?.service?.max_mb ?? null, unit: 'MB',
      met: sat?.usage?.rss?.service ? sat.usage.rss.service.max_mb < 300 : null },
    { target: 'ready < 2 s from process start (JVM, median of the production starts)',
      value: result.startup?.ready_ms_migrated_db_median ?? null, unit: 'ms',
      met: result.startup ? result.startup.ready_ms_migrated_db_median < 2000 : null },
  ];
  result.verification_ok = result.verification.length ? result.verification.every((v) => v.ok) : null;
  fs.mkdirSync(RESULTS, { recursive: true });
  const base = path.join(RESULTS, `bench-${STAMP}${Q ? '-quick' : ''}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
  let png = null;
  if (result.sweep.length) {
    try {
      png = `${base}.png`;
      const py = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
      return run(py, [path.join(HERE, 'lib', 'plot.py'), `${base}.json`, png]).then(() => png, (e) => {
        result.errors.push(`plot: ${String(e.message).slice(0, 300)}`);
        return null;
      }).then((p) => write(base, p));
    } catch (e) {
      result.errors.push(`plot: ${e}`);
    }
  }
  return Promise.resolve(write(base, png));
}

function write(base, png) {
  fs.writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
  const md = markdown(result, { png: png ? path.basename(png) : null, json: path.basename(`${base}.json`) });
  fs.writeFileSync(`${base}.md`, md);
  for (const ext of ['json', 'md', 'png']) {
    const src = `${base}.${ext}`;
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(RESULTS, `latest.${ext}`));
  }
  // latest.md links the PNG by its stamped name; keep it valid beside the copy.
  const latestMd = fs.readFileSync(path.join(RESULTS, 'latest.md'), 'utf8');
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), latestMd);
  return { base, md };
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  exitCode = 1;
  result.errors.push(String(e && e.stack || e));
  log(`FAILED: ${e && e.stack || e}`);
}
await cleanup();
sampler.stop();
const { base, md } = await finishReport();
process.stdout.write(`\n${md}\n`);
process.stdout.write(`Report: ${base}.md\n        ${base}.json${fs.existsSync(`${base}.png`) ? `\n        ${base}.png` : ''}\n`);
process.stdout.write(`Latest copies: ${path.join(RESULTS, 'latest.{md,json,png}')}\n`);
if (result.verification_ok === false) exitCode = exitCode || 2;
process.exit(exitCode);

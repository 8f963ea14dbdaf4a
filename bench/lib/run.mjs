// The state of one benchmark run, shared by the orchestrator and its phases: the options and sizes, where things
// are (database, results, the app, the JDK), the processes it started, the token keys and the result being built.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { stopChild } from './util.mjs';
import { Sampler } from './sampler.mjs';
import { keyPair, token } from './jwt.mjs';
import { SECTIONS, sizes } from './options.mjs';

export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(BENCH, '..');
export const EVENT = 'user.created';

/** The image's ENV lines (src/main/docker/Dockerfile.jvm): JAVA_OPTS, MALLOC_ARENA_MAX, ... */
function imageEnv() {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'src', 'main', 'docker', 'Dockerfile.jvm'), 'utf8');
  return Object.fromEntries([...dockerfile.matchAll(/^ENV (\w+)=(["']?)(.*)\2$/gm)].map((m) => [m[1], m[3]]));
}

export function createRun(opt, argv) {
  const S = sizes(opt);
  const DB = opt.db || 'perscom_webhooks_bench';
  const RESULTS = path.resolve(opt.results || path.join(BENCH, 'results'));
  const APP = path.resolve(opt.app || path.join(ROOT, 'target', 'quarkus-app'));
  const JAVA_HOME = process.env.JAVA_HOME;
  if (!JAVA_HOME) throw new Error('JAVA_HOME is not set: run bench/run.sh, which finds a JDK 21+ (.ci/jdk.sh)');
  // The production JVM options are those of the image (ENV JAVA_OPTS); MaxRAM stands in for the Deployment's
  // 512 MiB memory limit, which a container would give the JVM.
  const IMAGE_ENV = imageEnv();
  if (!IMAGE_ENV.JAVA_OPTS) throw new Error('No ENV JAVA_OPTS="..." line in src/main/docker/Dockerfile.jvm');
  const JVM_OPTS = (opt.jvmOpts ?? process.env.BENCH_JVM_OPTS ?? `-XX:MaxRAM=512m ${IMAGE_ENV.JAVA_OPTS}`)
    .split(/\s+/).filter(Boolean);

  const startedAt = new Date();
  const STAMP = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  const RAW = path.join(RESULTS, 'raw', STAMP);
  fs.mkdirSync(RAW, { recursive: true });
  const keys = keyPair();
  return {
    opt, S, quick: opt.quick, DB, RESULTS, APP, RAW, STAMP, startedAt, JAVA_HOME,
    JAVA: path.join(JAVA_HOME, 'bin', 'java'), IMAGE_ENV, JVM_OPTS,
    sections: new Set(opt.only || SECTIONS),
    fanout: opt.fanout || 10,
    children: new Set(),
    sampler: new Sampler(DB),
    keys,
    encryptionKey: crypto.randomBytes(32).toString('base64'),
    publishToken: token(keys.privateKey, { sub: 'perscom-bench', scope: 'publish:event' }),
    receiver: null, // { child, port, base }
    service: null, // { child, port, base, logFile, ready_ms, ... }
    hooks: {}, // tenant -> [{ id, path, secret }]
    result: {
      meta: { started_at: startedAt.toISOString(), command: `bench/run.sh ${argv.join(' ')}`.trim(),
        quick: opt.quick, label: opt.label || null, sizes: S, database: DB, jvm_opts: JVM_OPTS.join(' '), app: APP,
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
    },
  };
}

/** Stops every process the run started and still runs. */
export async function stopChildren(ctx) {
  for (const child of ctx.children) await stopChild(child, { timeout: 20_000 });
  ctx.children.clear();
}

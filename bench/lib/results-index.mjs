// The index of the benchmark results: README.md in the results directory lists every full run, newest first, with
// its commit, label and headline figures, and latest.md links to the newest run's report. The benchmark rewrites
// both at the end of each run; `node bench/lib/results-index.mjs [DIR]` rewrites them from the JSON files in DIR
// (default bench/results). Quick runs (bench-<time>-quick.*) are left out: they are for trying a change, not for
// quoting.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FULL_RUN = /^bench-(\d{8}-\d{6})\.json$/;
const LATEST = 'latest.md';

const f = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toLocaleString('en-US',
  { maximumFractionDigits: 1 }));
const cell = (text) => String(text ?? '–').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function commit(r) {
  const git = r.machine?.git;
  if (!git) return '–';
  const dirty = git.uncommitted_files_in_src_or_pom ? ` + ${git.uncommitted_files_in_src_or_pom} uncommitted` : '';
  const checkout = `\`${git.commit.slice(0, 7)}\`${dirty}`;
  return r.meta.app_from_this_checkout === false ? `checkout ${checkout}, jar from \`--app\`` : checkout;
}

function ready(startup) {
  if (!startup) return '–';
  if (startup.ready_ms_migrated_db_median != null) return f(startup.ready_ms_migrated_db_median);
  return startup.ready_ms_migrated_db_best != null ? `${f(startup.ready_ms_migrated_db_best)} (best)` : '–';
}

function backlog(b) {
  if (!b) return '–';
  return b.drained_completely ? `${f(b.backlog_deliveries)} in ${f(b.drain_seconds)} s`
    : `${f(b.backlog_deliveries)} in ≈ ${f(b.extrapolated_drain_seconds)} s (extrapolated)`;
}

function row(dir, file, r) {
  const base = file.replace(/\.json$/, '');
  const sat = r.saturation;
  const at1000 = (r.sweep || []).find((p) => p.offered_deliveries_per_s === 1000);
  const files = ['json', 'png'].filter((ext) => fs.existsSync(path.join(dir, `${base}.${ext}`)))
    .map((ext) => `[${ext}](${base}.${ext})`);
  const verified = r.verification_ok === true ? 'yes' : r.verification_ok === false ? '**no**' : '–';
  return [`[${r.meta.started_at.slice(0, 16).replace('T', ' ')}](${base}.md)${files.length ? ` (${files.join(', ')})` : ''}`,
    commit(r), cell(r.meta.label),
    sat ? `${f(sat.deliveries_per_s)}${sat.disturbed ? ' †' : ''} (fan-out ${sat.fanout})` : '–',
    f(at1000?.latency.ingest_accepted_to_arrival_ms.p99), f(sat?.usage?.rss?.service?.max_mb), ready(r.startup),
    f(r.limits?.wrk?.requests_per_s), f(r.limits?.pgbench?.completed_deliveries_per_s), backlog(r.backlog), verified];
}

/** The full runs in `dir`, newest first: [file name, parsed result]. */
function runs(dir) {
  return fs.readdirSync(dir).filter((name) => FULL_RUN.test(name)).sort().reverse()
    .map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))]);
}

function readme(dir, list) {
  const head = ['run (UTC): report (raw result, plot)', 'commit', 'label', 'deliveries/s at saturation',
    'p99 at 1 000/s (ms)', 'service RSS max (MB)', 'ready (ms, median)', 'wrk requests/s', 'pgbench deliveries/s',
    'backlog drain', 'verified'];
  const lines = [
    '# Benchmark results',
    '',
    'Written by `bench/run.sh` at the end of every run (`node bench/lib/results-index.mjs` rewrites it from the JSON',
    'files here): do not edit it by hand. One row per full run, newest first; each run is `bench-<UTC time>.md` (the',
    'report), `.json` (the result it is made from) and `.png` (latency against offered load). `latest.md` links to the',
    'newest report. Quick runs (`bench-<UTC time>-quick.*`) are written here too but are neither listed nor committed:',
    'they are for trying a change, not for quoting. What the figures mean: [../README.md](../README.md).',
    '',
    '† = processes outside the benchmark took more than a quarter of a core during the saturation window. Compare',
    'runs by their ratio to wrk and pgbench, which measure the machine they ran on.',
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...list.map(([file, r]) => `| ${row(dir, file, r).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Rewrites README.md in `dir` and points latest.md at the newest full run's report; returns that report's name. */
export function updateIndex(dir) {
  const list = runs(dir);
  fs.writeFileSync(path.join(dir, 'README.md'), readme(dir, list));
  const newest = list.length ? list[0][0].replace(/\.json$/, '.md') : null;
  if (newest && fs.existsSync(path.join(dir, newest))) {
    // A new link renamed over the old one (or over an old copy): latest.md is never missing.
    const tmp = path.join(dir, `.${LATEST}.${process.pid}`);
    fs.rmSync(tmp, { force: true });
    fs.symlinkSync(newest, tmp);
    fs.renameSync(tmp, path.join(dir, LATEST));
  }
  return newest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results'));
  const newest = updateIndex(dir);
  process.stdout.write(`${path.join(dir, 'README.md')}${newest ? `; ${LATEST} -> ${newest}` : ''}\n`);
}

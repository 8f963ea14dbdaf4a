// Markdown report from the benchmark's JSON result.

const f = (v, d = 0) => (v === null || v === undefined || Number.isNaN(v) ? '–'
  : Number(v).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 }));
const ms = (v) => (v === null || v === undefined ? '–' : (v >= 100 ? f(v, 0) : f(v, 1)));
const yes = (b) => (b === null || b === undefined ? '–' : b ? 'yes' : '**no**');
const lat = (l) => (l && l.count ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} / ${ms(l.max)}` : '–');
const cpu = (u, k) => (u && u.cpu_pct_of_one_core && u.cpu_pct_of_one_core[k] != null ? `${f(u.cpu_pct_of_one_core[k])} %` : '–');
const rss = (u, k = 'service') => (u && u.rss && u.rss[k] ? `${f(u.rss[k].max_mb)} MB` : '–');

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function usageLine(u) {
  if (!u) return '–';
  const c = u.cpu_pct_of_one_core;
  return `service ${f(c.service)} %, PostgreSQL ${f(c.postgres_bench_db)} % (+${f(c.postgres_other)} % other PG), `
    + `receiver ${f(c.receiver)} %, driver ${f(c.driver)} %, orchestrator ${f(c.orchestrator)} %, everything else ${f(c.everything_else)} % — machine ${f(c.machine_busy)} % of 200 %`;
}

function growthRows(list) {
  return list.map((e) => {
    const s = e.saturation;
    const l = e.at_1000_per_s;
    return [e.name, `${f(s.deliveries_per_s)}${s.disturbed || l.disturbed ? ' †' : ''}`, f(s.events_accepted_per_s), lat(s.latency.ingest_accepted_to_arrival_ms),
      lat(l.latency.ingest_accepted_to_arrival_ms), cpu(s.usage, 'service'), cpu(s.usage, 'postgres_bench_db'),
      rss(s.usage), yes(s.verification_ok && l.verification_ok)];
  });
}
const growthHead = ['cell', 'deliveries/s (saturation)', 'events/s', 'latency at saturation p50/p95/p99/max ms',
  'latency at 1 000/s p50/p95/p99/max ms', 'service CPU', 'PostgreSQL CPU', 'service RSS max', 'verified'];

function profileSection(name, p) {
  if (!p) return '';
  const out = [`### ${name}`];
  if (p.jfr) {
    const j = p.jfr;
    out.push(`JFR: ${f(j.execution_samples)} execution samples (Java code running), ${f(j.native_method_samples)} native-method samples (threads waiting in epoll/socket calls). GC: ${j.gc.name}, ${j.gc.count} collections, ${j.gc.pause_total_ms} ms paused in total (max ${j.gc.pause_max_ms} ms), heap used at most ${f(j.gc.heap_used_max_bytes / 1048576)} MB.`);
    out.push('', 'Inclusive share of CPU samples by component (a sample counts for every component on its stack):', '',
      table(['component', 'samples', '%'], j.components_inclusive.map((c) => [c.name, f(c.count), `${c.pct} %`])));
    out.push('', 'Hottest methods (self time, top frame):', '',
      table(['method', '%'], j.top_self.slice(0, 15).map((c) => [`\`${c.name}\``, `${c.pct} %`])));
    out.push('', "The service's own methods (inclusive):", '',
      table(['method', '%'], j.service_methods_inclusive.slice(0, 15).map((c) => [`\`${c.name}\``, `${c.pct} %`])));
    out.push('', 'Samples by thread:', '', table(['thread', '%'], j.threads.slice(0, 8).map((c) => [c.name, `${c.pct} %`])));
    out.push('', 'Allocation by class (sampled weight):', '',
      table(['class', '%'], j.allocation_by_class.slice(0, 10).map((c) => [`\`${c.name}\``, `${c.pct} %`])));
  } else if (p.jfr_error) {
    out.push(`JFR summary failed: ${p.jfr_error}`);
  }
  if (p.perf) {
    out.push('', 'perf (whole machine, all processes, 199 Hz):', '', '```', ...p.perf.by_process.slice(0, 10), '```');
    out.push('', 'by process and object:', '', '```', ...p.perf.by_process_and_object.slice(0, 14), '```');
    if (p.perf.postgres_top_symbols.length) {
      out.push('', 'PostgreSQL backends, top symbols:', '', '```', ...p.perf.postgres_top_symbols.slice(0, 15), '```');
    }
  }
  return out.join('\n');
}

export function markdown(r, { png, json }) {
  const m = r.machine || {};
  const sat = r.saturation;
  const wrk = r.limits.wrk;
  const pgb = r.limits.pgbench;
  const at1000 = r.sweep.find((p) => p.offered_deliveries_per_s === 1000);
  const L = [];
  L.push(`# perscom-webhooks benchmark, ${r.meta.started_at.slice(0, 16).replace('T', ' ')} UTC${r.meta.quick ? ' (--quick)' : ''}`);
  L.push('');
  L.push(`Command: \`${r.meta.command}\` — ran ${f(r.meta.duration_s)} s. ${r.meta.app_from_this_checkout === false ? `Ran the jar in \`${r.meta.app}\` (--app), not one built from this checkout; the checkout was at` : 'Source:'} ${m.git ? `commit ${m.git.commit.slice(0, 12)}${m.git.uncommitted_files_in_src_or_pom ? ` with ${m.git.uncommitted_files_in_src_or_pom} uncommitted file(s) in src/ or pom.xml` : ''}` : 'not a git checkout'}. JVM options: \`${r.meta.jvm_opts}\`. Raw data: \`${json}\`${r.meta.label ? `. Label: ${r.meta.label}` : ''}.`);
  if (r.meta.quick) L.push('', '**Quick mode**: smaller sizes and shorter windows than the documented run; the saturation window is shorter than the 30 s the targets ask for.');
  L.push('');
  L.push('## Machine');
  L.push('');
  L.push(table(['', ''], [
    ['CPU', `${m.nproc} × ${m.cpu_model}`], ['memory', `${m.memory_gib} GiB`], ['kernel', m.kernel], ['JDK', m.jdk],
    ['PostgreSQL', `${m.postgres?.version?.split(' on ')[0]}; ${Object.entries(m.postgres?.settings || {}).map(([k, v]) => `${k}=${v}`).join(', ')}`],
    ['Node', m.node], ['wrk', m.wrk], ['load average at start', m.load_average_at_start],
  ]));
  L.push('', 'Everything shares the same cores: the service, PostgreSQL, the receiver, the load driver (and wrk/pgbench when they run).');
  if (r.history) L.push('', `The tables start with history, as in a running service: ${f(r.history.deliveries)} finished deliveries (${f(r.history.events)} events) with their attempt rows, VACUUM ANALYZEd; phases are never truncated, so plans and index sizes are those of a table that grows.`);
  for (const n of r.notes) L.push('', `Note: ${n}`);
  if (r.errors.length) {
    L.push('', '## Errors', '');
    for (const e of r.errors) L.push('```', e.slice(0, 2000), '```');
  }
  L.push('', '## Targets', '');
  L.push(table(['target', 'measured', 'met'], (r.targets || []).map((t) => [t.target, `${f(t.value)} ${t.unit}`, yes(t.met)])));
  if (r.verification_ok !== null) L.push('', `Delivery verification over all phases: ${r.verification_ok ? 'every accepted delivery arrived exactly as many times as the attempt log says, and every sampled signature verified' : '**FAILED** (see Correctness)'}.`);

  L.push('', '## Headline numbers', '');
  const rows = [];
  if (sat) {
    rows.push(['deliveries/s sustained (fan-out 10, 1 KiB, saturation)', `**${f(sat.deliveries_per_s)}** over ${sat.measured_s} s after ${sat.warmup_s} s warm-up`]);
    rows.push(['events/s accepted in that window', f(sat.events_accepted_per_s)]);
    rows.push(['ingest response time p50/p99 (batch of 20 events)', `${ms(sat.ingest_response_ms.p50)} / ${ms(sat.ingest_response_ms.p99)} ms`]);
    rows.push(['latency at saturation, ingest accepted → arrival, p50/p95/p99/max', `${lat(sat.latency.ingest_accepted_to_arrival_ms)} ms (closed loop, ≤ ${f(sat.window_deliveries)} deliveries outstanding)`]);
  }
  if (at1000) rows.push(['latency at 1 000 deliveries/s (100 events/s × 10), p50/p95/p99/max', `${lat(at1000.latency.ingest_accepted_to_arrival_ms)} ms over ${f(at1000.latency.matched)} deliveries`]);
  if (sat) {
    rows.push(['service CPU / RSS at saturation', `${cpu(sat.usage, 'service')} of one core / ${rss(sat.usage)} max (${f(sat.usage?.rss?.service?.mean_mb)} MB mean)`]);
    rows.push(['CPU split at saturation (% of one core)', usageLine(sat.usage)]);
    const pw = sat.postgres_writes;
    if (pw) {
      rows.push(['PostgreSQL rows written per delivery', `${pw.rows_per_delivery} (${Object.entries(pw.per_table).filter(([, d]) => d.inserted + d.updated + d.deleted > 0).map(([t, d]) => `${t}: ${f(d.inserted / pw.deliveries, 2)} ins, ${f(d.updated / pw.deliveries, 2)} upd${d.hot_updated ? ` (${f(d.hot_updated / pw.deliveries, 2)} HOT)` : ''}`).join('; ')})`]);
      rows.push(['PostgreSQL bytes per delivery', `${f(pw.bytes_per_delivery)} B of tables + indexes, ${f(pw.wal_bytes_per_delivery)} B of WAL (${pw.wal_records_per_delivery} WAL records), ${pw.commits_per_delivery} commits per delivery`]);
    }
  }
  if (r.startup) {
    const production = r.startup.runs.filter((x) => x.label.startsWith('restart-')).length;
    rows.push(['ready after process start', `${f(r.startup.ready_ms_migrated_db_median)} ms median, ${f(r.startup.ready_ms_migrated_db_best)} ms best of ${production} (migrated database${r.startup.aot_cache ? ', AOT cache' : ''}); ${f(r.startup.ready_ms_fresh_db)} ms on an empty database (runs the migrations); ${f(r.startup.ready_ms_without_aot_cache_best)} ms best without the AOT cache`]);
  }
  if (wrk) rows.push(['wrk against the same receiver', `${f(wrk.requests_per_s)} requests/s${sat ? ` → service reaches **${f(100 * sat.deliveries_per_s / wrk.requests_per_s, 0)} %** of it` : ''}`]);
  if (pgb) rows.push(['pgbench, same rows batched like the service', `${f(pgb.rows_per_s)} rows/s = ${f(pgb.completed_deliveries_per_s)} completed deliveries/s${sat ? ` → service reaches **${f(100 * sat.deliveries_per_s / pgb.completed_deliveries_per_s, 0)} %** of it` : ''}`]);
  if (r.backlog) {
    const b = r.backlog;
    rows.push(['backlog drain', `${f(b.backlog_deliveries)} due deliveries: ${b.drained_completely ? `drained in ${f(b.drain_seconds, 1)} s` : `${f(b.arrived_in_window)} in ${b.measured_s} s, steady ${f(b.steady_drain_rate_per_s)}/s → **extrapolated** full drain ≈ ${f(b.extrapolated_drain_seconds)} s`}`]);
  }
  L.push(table(['what', 'value'], rows));

  if (r.startup) {
    L.push('', '## Start-up', '', 'Time from spawning `java ... -jar quarkus-run.jar` (in the app directory, with the image\'s JVM options) to the first `/q/health/ready` answering UP (polled every 5 ms). The production starts use the JDK AOT cache `app.aot` that `./mvnw verify` records while PackagedApplicationIT drives the jar; the `no-aot-cache` starts leave it out for comparison.', '');
    L.push(table(['run', 'AOT cache', 'ready (ms)', 'Quarkus "started in"', 'RSS at ready', 'stop (ms)'], r.startup.runs.map((x) => [x.label, x.aot_cache ? 'yes' : 'no', f(x.ready_ms), x.quarkus_started_in_s ? `${x.quarkus_started_in_s} s` : '–', x.rss_mb_at_ready ? `${x.rss_mb_at_ready} MB` : '–', f(x.stop_ms)])));
    if (r.auth_checks) L.push('', `Token checks (quarkus.oidc.public-key, issuer ${'`https://bench.perscom.invalid`'}): publish token ${r.auth_checks.publish_token}, no token ${r.auth_checks.no_token}, other key ${r.auth_checks.token_signed_with_another_key}, other issuer ${r.auth_checks.token_with_another_issuer}, expired ${r.auth_checks.expired_token}, manage:webhook only ${r.auth_checks.manage_webhook_scope_only} — ${r.auth_checks.ok ? 'as expected' : '**unexpected**'}.`);
  }

  L.push('', '## Machine limits for the same work', '');
  if (wrk) {
    L.push(`**wrk** (${wrk.tool}, ${wrk.seconds} s, ${wrk.body_bytes} B POST bodies with the same headers) against the benchmark receiver: **${f(wrk.requests_per_s)} requests/s**, latency p50 ${ms(wrk.latency_ms.p50)} ms, p99 ${ms(wrk.latency_ms.p99)} ms. CPU: ${usageLine(wrk.usage)}.`);
  }
  if (pgb) {
    L.push('', `**pgbench** (${pgb.tool}, ${pgb.seconds} s, service stopped) on the service's own tables: ingest transactions of ${pgb.events_per_ingest_txn} fan-out statements (the service's FAN_OUT shape: event + ${pgb.fanout} delivery rows each) and record transactions that insert ${pgb.attempts_per_record_txn} \`delivery_attempt\` rows and update their \`delivery\` rows, 1:1. Result: ${f(pgb.events)} events, ${f(pgb.deliveries_inserted)} deliveries inserted, ${f(pgb.deliveries_completed)} completed with ${f(pgb.attempts_inserted)} attempts = **${f(pgb.rows_per_s)} rows/s**, **${f(pgb.completed_deliveries_per_s)} completed deliveries/s** (${pgb.postgres_writes ? `${f(pgb.postgres_writes.wal_bytes_per_delivery)} B WAL per delivery` : ''}). CPU: ${usageLine(pgb.usage)}.`);
  }
  if (r.ratios) L.push('', `Ratios: service deliveries/s ÷ wrk requests/s = **${r.ratios.deliveries_per_s_vs_wrk_requests_per_s ?? '–'}**; ÷ pgbench deliveries/s = **${r.ratios.deliveries_per_s_vs_pgbench_deliveries_per_s ?? '–'}**.`);

  if (sat) {
    L.push('', '## Saturation (fan-out 10, 1 KiB payloads)', '');
    L.push(`Closed loop: ${sat.concurrency} connections post batches of ${sat.batch} events to \`/internal/v1/events/batch\`, holding at most ${f(sat.window_deliveries)} deliveries accepted but not yet arrived. Deliveries/s counted at the receiver over ${sat.measured_s} s after a ${sat.warmup_s} s warm-up (after a separate JIT warm-up run).`);
    L.push('', `Arrivals per second: ${sat.arrivals_per_second.join(', ')}.`);
    L.push('', `CPU: ${usageLine(sat.usage)}. Receiver RSS ${rss(sat.usage, 'receiver')}.`);
    if (sat.postgres_writes) {
      const pw = sat.postgres_writes;
      L.push('', 'PostgreSQL writes in the phase (pg_stat_user_tables, pg_total_relation_size and WAL position deltas over the phase):', '');
      L.push(table(['table', 'inserted', 'updated (HOT)', 'deleted', 'bytes growth', 'per delivery'], Object.entries(pw.per_table).map(([t, d]) => [t, f(d.inserted), `${f(d.updated)} (${f(d.hot_updated)})`, f(d.deleted), f(d.bytes_growth), `${f((d.inserted + d.updated + d.deleted) / pw.deliveries, 2)} rows, ${f(d.bytes_growth / pw.deliveries)} B`])));
      L.push('', `Total ${f(pw.rows_written)} rows for ${f(pw.deliveries)} deliveries = ${pw.rows_per_delivery} rows and ${f(pw.bytes_per_delivery)} B per delivery; WAL ${f(pw.wal_bytes)} B = ${f(pw.wal_bytes_per_delivery)} B per delivery, ${f(pw.wal_full_page_images)} full-page images; ${f(pw.commits)} commits (${pw.commits_per_delivery} per delivery), ${f(pw.wal_syncs)} WAL syncs.`);
    }
  }

  if (r.sweep.length) {
    L.push('', '## Latency against offered load (fan-out 10, open loop)', '');
    L.push('† = processes outside the benchmark took more than a quarter of a core during the point.', '');
    L.push('Single-event POSTs to `/internal/v1/events` at a fixed rate (PERSCOM posts one event per request). Latency: from the 202 reaching the driver to the request reaching the receiver (the receiver\'s clock offset to the driver is measured and removed). The first 2 s of each point are not counted.');
    if (png) L.push('', `![latency against offered load](${png})`);
    L.push('', table(['offered deliveries/s', 'achieved', 'p50', 'p95', 'p99', 'max', 'ingest response p50/p99', 'service CPU', 'machine CPU', 'service RSS', 'verified'],
      r.sweep.map((p) => {
        const l = p.latency.ingest_accepted_to_arrival_ms;
        return [`${f(p.offered_deliveries_per_s)}${p.disturbed ? ' †' : ''}`, f(p.achieved_deliveries_per_s), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max),
          `${ms(p.ingest_response_ms.p50)} / ${ms(p.ingest_response_ms.p99)}`, cpu(p.usage, 'service'), cpu(p.usage, 'machine_busy'), rss(p.usage), yes(p.verification_ok)];
      })));
  }

  if (r.burst) {
    const b = r.burst;
    L.push('', '## Ingest burst (events/s the API accepts)', '');
    L.push(`Batches of 100 events on 4 connections for ${b.seconds} s with no window (fan-out 1): **${f(b.events_accepted_per_s)} events/s accepted**, ingest response p50/p99 ${ms(b.ingest_response_ms.p50)} / ${ms(b.ingest_response_ms.p99)} ms; deliveries meanwhile ${f(b.deliveries_during_burst_per_s)}/s; the rest drained ${f(b.drain_after_burst_s, 1)} s after the burst. CPU: ${usageLine(b.usage)}.`);
  }

  const g = r.growth;
  if (g.fanout.length || g.stored.length || g.payload.length) {
    L.push('', '## Cost growth', '');
    L.push('Each cell: a saturation run (closed loop, short window) and a fixed 1 000 deliveries/s run (single-event requests, so fan-out 1 means 1 000 ingest requests/s). Latencies in ms, ingest accepted → arrival. † = processes outside the benchmark took more than a quarter of a core during the cell.');
    if (g.fanout.length) L.push('', '**Fan-out** (webhooks per event; 1 KiB payloads):', '', table(growthHead, growthRows(g.fanout)));
    if (g.stored.length) L.push('', '**Stored webhooks** (fan-out 10; the others, inserted with SQL, belong to other tenants, 20 each, half of them subscribed to the same event type):', '', table(growthHead, growthRows(g.stored)));
    if (g.payload.length) L.push('', '**Payload size** (fan-out 10):', '', table(growthHead, growthRows(g.payload)));
  }

  if (r.lean) {
    const lean = r.lean;
    const d = r.saturation;
    const startMs = (runs) => runs.map((x) => f(x.ready_ms)).join(' / ');
    L.push('', '## Lean variant (C1 only)', '');
    L.push(`The same image with \`${lean.jvm_opts_added}\` added (\`JAVA_OPTS_APPEND\`): no C2 compiler, so less CPU and memory at start and less native memory for compiled code, against slower compiled code. Measured in this run, same sizes as the main saturation phase.`, '');
    L.push(table(['', 'default', 'lean'], [
      ['ready after process start (ms)', startMs(r.startup.runs.filter((x) => x.label.startsWith('restart-'))), startMs(lean.startup)],
      ['deliveries/s at saturation', d ? f(d.deliveries_per_s) : '–', f(lean.saturation.deliveries_per_s)],
      ['service RSS max at saturation (MB)', d ? f(d.usage?.rss.service?.max_mb) : '–', f(lean.saturation.usage?.rss.service?.max_mb)],
      ['service CPU at saturation (% of one core)', d ? f(d.usage?.cpu_pct_of_one_core.service) : '–', f(lean.saturation.usage?.cpu_pct_of_one_core.service)],
      ['p99 ingest → arrival at saturation (ms)', d ? f(d.latency.ingest_accepted_to_arrival_ms.p99) : '–', f(lean.saturation.latency.ingest_accepted_to_arrival_ms.p99)],
    ]));
  }

  if (r.backlog) {
    const b = r.backlog;
    L.push('', '## Backlog drain after a receiver outage', '');
    L.push(`${f(b.backlog_deliveries)} pending deliveries due now, without lease (${f(b.events)} events × ${b.webhooks} webhooks), inserted with SQL in one transaction (${b.insert_seconds} s); the running service's poller picks them up. First arrival ${f(b.first_arrival_after_commit_ms)} ms after the commit.`);
    if (b.drained_completely) {
      L.push('', `Drained completely in **${f(b.drain_seconds, 1)} s** (${f(b.drain_rate_per_s)} deliveries/s on average).`);
    } else {
      L.push('', `Measured for ${b.measured_s} s (the window is bounded): ${f(b.arrived_in_window)} delivered, ${f(b.drain_rate_per_s)}/s on average, **${f(b.steady_drain_rate_per_s)}/s** after the first 5 s. **Extrapolated** (not measured) time to drain all ${f(b.backlog_deliveries)}: ≈ ${f(b.extrapolated_drain_seconds)} s (${f(b.extrapolated_drain_seconds / 60, 1)} min), assuming the steady rate holds.`);
    }
    L.push('', `Arrivals per second: ${b.arrivals_per_second.join(', ')}.`);
    L.push('', `CPU while draining: ${usageLine(b.usage)}; service RSS ${rss(b.usage)}. The drain was ended by stopping the service (${f(b.service_stop?.ms)} ms to stop); delivery states after the stop: ${Object.entries(b.delivery_state_after_stop).map(([k, v]) => `${k} ${f(v)}`).join(', ')}.`);
    if (b.postgres_writes) L.push('', `PostgreSQL per delivered backlog delivery: ${b.postgres_writes.rows_per_delivery} rows, ${f(b.postgres_writes.wal_bytes_per_delivery)} B WAL.`);
  }

  if (r.service_log_problems) {
    const lines = [];
    for (const [file, list] of Object.entries(r.service_log_problems)) {
      for (const p of list) lines.push([file, f(p.count), `\`${p.message.replace(/\|/g, '\\|').slice(0, 220)}\``]);
    }
    if (lines.length) {
      L.push('', '## Warnings and errors in the service log', '', table(['log', 'lines', 'message (numbers masked)'], lines));
    }
  }

  L.push('', '## Correctness', '');
  L.push('After every phase (once the queue is empty), each delivery row is compared with the receiver: arrivals per (webhook path, `webhook-id`) against the attempts logged in `delivery_attempt`. "Unlogged" = arrived more often than logged; "never arrived" = logged as succeeded but not received; "unexpected" = arrived for no delivery of the phase (e.g. a webhook that should not have matched). One request in 50 has both signatures checked (`Signature` hex HMAC, and Standard Webhooks `webhook-signature` with `whsec_` and plain secrets).');
  L.push('', table(['phase', 'accepted', 'rows', 'arrived', 'exact', 'duplicates (logged)', 'unlogged', 'never arrived', 'unexpected', 'in flight at stop', 'ok'],
    r.verification.map((v) => [v.phase, f(v.accepted_deliveries), f(v.delivery_rows), f(v.arrivals), f(v.exact_matches), `${f(v.duplicate_arrivals)} (${f(v.duplicates_logged)})`, f(v.unlogged_arrivals), f(v.logged_success_never_arrived), f(v.unexpected_arrivals), f(v.in_flight_at_stop), yes(v.ok)])));
  const sigPhases = [sat, ...r.sweep].filter(Boolean);
  const checked = sigPhases.reduce((s, p) => s + (p.signatures?.checked || 0), 0);
  const bad = sigPhases.reduce((s, p) => s + (p.signatures?.bad || 0), 0);
  L.push('', `Signatures checked in the saturation and sweep phases: ${f(checked)}, failed: ${f(bad)}.`);

  if (r.profile.saturation || r.profile.backlog) {
    L.push('', '## Where the time goes (profiles)', '');
    L.push('JFR (`settings=profile`) of the service during the measured saturation window, and `perf record -a` of the whole machine for up to 15 s of it. Percentages of JFR are of the service\'s Java samples; perf\'s are of all CPU samples on the machine.');
    L.push('', profileSection('Saturation (ingest + delivery, fan-out 10)', r.profile.saturation));
    L.push('', profileSection('Backlog drain (poller path)', r.profile.backlog));
  }
  return L.join('\n') + '\n';
}

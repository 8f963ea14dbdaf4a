// Command-line options of the benchmark and the sizes of its phases (full run, or --quick).

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

export const SECTIONS = ['limits', 'saturation', 'sweep', 'burst', 'growth', 'lean', 'backlog', 'pgbench'];

export function parseArgs(argv) {
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

/** Durations (s), rates and counts of the phases: the documented run, or the smaller --quick one. */
export function sizes(opt) {
  const Q = opt.quick;
  return {
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
}

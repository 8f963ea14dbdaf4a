#!/usr/bin/env bash
# The benchmark: builds the production jar, starts it against a fresh PostgreSQL database of its own with a loopback
# receiver and load driver, measures throughput, latency, resources, cost growth and a backlog drain, and compares
# them with what wrk and pgbench get from the same machine. Writes bench/results/bench-<time>.{md,json,png} and,
# after a full run, the index bench/results/README.md and the link bench/results/latest.md.
#
#   bench/run.sh            the documented run (about 20 minutes)
#   bench/run.sh --quick    smaller sizes, shorter phases (about 5 minutes)
#   bench/run.sh --help     all options (see also bench/README.md)
#
# Everything runs on 127.0.0.1; every load is bounded in count and time and stops by itself.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) exec node bench/bench.mjs --help ;;
  esac
done

# JDK 25 recommended (the AOT cache), 21+ works (.ci/jdk.sh: JAVA_HOME first, then the usual places).
. .ci/jdk.sh
use_jdk 25 2>/dev/null || use_jdk 21

# Tools: Node 18+, wrk, pgbench/psql, python3-matplotlib (the plot), perf (optional, profiles). Debian/Ubuntu packages.
missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-client)
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing tools: ${missing[*]}; install them and run again" >&2
    exit 1
  fi
fi
command -v perf >/dev/null || echo "perf not found: the report will have JFR profiles only (apt-get install linux-perf)" >&2

# The receiver's signature checks and the token minter against the shared vectors (a few seconds).
node --test --test-reporter=dot bench/lib/*.test.mjs >&2

# shellcheck source=../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
ensure_postgres

if [ "$BUILD" = 1 ]; then
  echo "[bench] building the production jar and its AOT cache: ./mvnw -B -q verify -DskipUTs" >&2
  ./mvnw -B -q verify -DskipUTs
fi

exec node bench/bench.mjs "$@"

# Sourced by the scripts. ensure_postgres (CI, bench): makes sure the machine's PostgreSQL server answers on
# 127.0.0.1:5432 for user postgres; Debian/Ubuntu only (apt-get, pg_ctlcluster). start_private_postgres (run.sh, the
# fault suite): a server of the script's own, on any Linux x86-64 with a JDK.

pg_ready() {
  pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" 2>/dev/null
}

ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing it with apt-get"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    fresh_install=1
  fi
  if ! pg_ready; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "Starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_ready && break
    sleep 1
  done
  pg_ready || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; return 1; }
  if [ "${fresh_install:-0}" = 1 ] && [ -z "${PGPASSWORD:-}" ]; then
    # A fresh Debian install wants a password over TCP: give the postgres user one for this machine's tests.
    su postgres -c "psql -q -c \"alter user postgres password 'postgres'\"" >/dev/null
    export PGPASSWORD=postgres
  fi
  if ! psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    echo "Cannot log in to PostgreSQL as ${PGUSER:-postgres}; set PGUSER/PGPASSWORD (see README)" >&2
    return 1
  fi
}

# A private PostgreSQL for this script (src/test/java/.../support/PrivatePostgres.java: binaries from Maven Central,
# a temporary cluster on a free port of 127.0.0.1, run as nobody when we are root), for a machine without a server
# or for tests that must not touch the machine's one. Exports PGHOST, PGPORT, PGUSER, PGDATA and PG_CTL (the pg_ctl
# command for this server) and PRIVATE_PG_PID; the server stops when that process gets SIGTERM or this script ends.
#   start_private_postgres [DATABASE]     (DATABASE: created on it)
start_private_postgres() {
  local root env_file classpath
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  classpath="$root/target/test-classpath.txt"
  if [ ! -s "$classpath" ] || [ "$root/pom.xml" -nt "$classpath" ]; then
    mkdir -p "$root/target"
    (cd "$root" && ./mvnw -B -q --no-transfer-progress dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$classpath") || { echo "Could not resolve the test class path with Maven" >&2; return 1; }
  fi
  env_file=$(mktemp -u "${TMPDIR:-/tmp}/perscom-private-pg.XXXXXX")
  java -cp "$(cat "$classpath")" "$root/src/test/java/io/perscom/webhooks/support/PrivatePostgres.java" \
    "$env_file" ${1:+"$1"} </dev/null &
  PRIVATE_PG_PID=$!
  for _ in $(seq 1 120); do
    if [ -s "$env_file" ]; then
      set -a; . "$env_file"; set +a
      rm -f "$env_file"
      return 0
    fi
    kill -0 "$PRIVATE_PG_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "The private PostgreSQL did not start" >&2
  return 1
}

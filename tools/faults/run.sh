#!/usr/bin/env bash
# Fault-injection suite (tools/faults/README.md): PostgreSQL restarted under load, kill -9 and SIGTERM during
# delivery, a slow endpoint next to a fast one, a 410 endpoint; against the production jar and a PostgreSQL server of
# its own (started here, so restarting it under load never touches the machine's server or its other clients).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. .ci/jdk.sh
use_jdk 21
. .ci/postgres.sh

# The receiver's signature checks and the token minter first (a few seconds): tools/lib/python/tests.
python3 -m unittest discover -q -s tools/lib/python/tests -t tools/lib/python

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${FAULTS_BUILD:-0}" = 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
# Run a copy, so a rebuild elsewhere cannot change the jar under the running service.
work=$(mktemp -d /tmp/perscom-faults.XXXXXX)
PRIVATE_PG_PID=""
stop() {
  if [ -n "$PRIVATE_PG_PID" ]; then kill -TERM "$PRIVATE_PG_PID" 2>/dev/null && wait "$PRIVATE_PG_PID" || true; fi
  rm -rf "$work"
}
trap stop EXIT
cp -r target/quarkus-app "$work/app"
start_private_postgres
echo "[faults] private PostgreSQL on 127.0.0.1:$PGPORT ($PGDATA)"
status=0
FAULTS_APP_DIR="$work/app" python3 tools/faults/faults.py "$@" || status=$?
mkdir -p target && cp "$work/service.log" target/faults-service.log 2>/dev/null || true
echo "[faults] service log: target/faults-service.log"
exit "$status"

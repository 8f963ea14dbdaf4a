#!/usr/bin/env bash
# Fault-injection suite (src/faults/README.md): PostgreSQL restarted under load, kill -9 and SIGTERM during
# delivery, a slow endpoint next to a fast one, a 410 endpoint; against the production jar and the real PostgreSQL.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
. .ci/postgres.sh
ensure_postgres

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${FAULTS_BUILD:-0}" = 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
# Run a copy, so a rebuild elsewhere cannot change the jar under the running service.
work=$(mktemp -d /tmp/perscom-faults.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r target/quarkus-app "$work/app"
status=0
FAULTS_APP_DIR="$work/app" python3 src/faults/faults.py "$@" || status=$?
mkdir -p target && cp "$work/service.log" target/faults-service.log 2>/dev/null || true
echo "[faults] service log: target/faults-service.log"
exit "$status"

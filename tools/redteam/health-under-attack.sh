#!/usr/bin/env bash
# Health under attack (issue 13): the production jar serves hostile automation previews from several clients at once
# while /q/health on the management port is sampled; prints p50/p99/max of the health answers and fails when p99 is
# 100 ms or more. Loopback only, bounded in time (REDTEAM_SECONDS, default 20, plus start-up). See README.md here.
#
#   tools/redteam/health-under-attack.sh          (REDTEAM_CLIENTS=8 REDTEAM_SECONDS=20 REDTEAM_P99_MS=100)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. .ci/jdk.sh
use_jdk 25 2>/dev/null || use_jdk 21
. .ci/postgres.sh
ensure_postgres

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${REDTEAM_BUILD:-0}" = 1 ]; then
  ./mvnw -B -q package -DskipTests
fi
# Run a copy, so a rebuild elsewhere cannot change the jar under the running service.
work=$(mktemp -d /tmp/perscom-redteam.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r target/quarkus-app "$work/app"
status=0
REDTEAM_APP_DIR="$work/app" python3 tools/redteam/health_under_attack.py || status=$?
mkdir -p target && cp "$work/service.log" target/redteam-service.log 2>/dev/null || true
echo "[redteam] service log: target/redteam-service.log"
exit "$status"

#!/usr/bin/env bash
# End-to-end test, one command (CI too): starts the local stack of deploy/local/run.sh in the background on its own
# ports and a fresh database, runs LocalStackE2ETest (./mvnw test -Pe2e) against it with real Keycloak tokens,
# stops the stack and exits with the test's status.
#
#   deploy/local/e2e.sh
#
# Environment (optional): E2E_SERVICE_PORT (18080), E2E_KEYCLOAK_PORT (18180), E2E_DB_NAME (perscom_webhooks_e2e),
# E2E_READY_TIMEOUT seconds for the whole stack, build included (600). The stack's logs: target/local-stack-e2e/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

SERVICE_PORT=${E2E_SERVICE_PORT:-18080}
KEYCLOAK_PORT=${E2E_KEYCLOAK_PORT:-18180}
READY_TIMEOUT=${E2E_READY_TIMEOUT:-600}
STACK_DIR="$ROOT/target/local-stack-e2e"
mkdir -p "$STACK_DIR"
rm -f "$STACK_DIR/ready"

log() { printf '[e2e.sh] %s\n' "$*"; }

started=$(date +%s)
log "Starting the local stack (service :$SERVICE_PORT, Keycloak :$KEYCLOAK_PORT; log: $STACK_DIR/run.log)"
PORT=$SERVICE_PORT KEYCLOAK_PORT=$KEYCLOAK_PORT DB_NAME=${E2E_DB_NAME:-perscom_webhooks_e2e} LOCAL_STACK_DIR="$STACK_DIR" \
  deploy/local/run.sh --fresh-db >"$STACK_DIR/run.log" 2>&1 &
RUN_PID=$!

stop_stack() {
  local status=$?
  trap - EXIT INT TERM
  if kill -0 "$RUN_PID" 2>/dev/null; then
    log "Stopping the local stack"
    # run.sh stops what it started on SIGTERM (SIGINT is ignored by background jobs of a script).
    kill -TERM "$RUN_PID" 2>/dev/null || true
    for _ in $(seq 1 300); do
      kill -0 "$RUN_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$RUN_PID" 2>/dev/null && { log "run.sh did not stop within 60 s"; kill -KILL "$RUN_PID" 2>/dev/null || true; }
  fi
  wait "$RUN_PID" 2>/dev/null || true
  log "Total: $(( $(date +%s) - started )) s; exit status $status"
  exit "$status"
}
trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

while [ ! -f "$STACK_DIR/ready" ]; do
  if ! kill -0 "$RUN_PID" 2>/dev/null; then
    log "The local stack did not start:"
    tail -n 60 "$STACK_DIR/run.log" >&2 || true
    exit 1
  fi
  if [ $(( $(date +%s) - started )) -ge "$READY_TIMEOUT" ]; then
    log "The local stack was not ready within $READY_TIMEOUT s:"
    tail -n 60 "$STACK_DIR/run.log" >&2 || true
    exit 1
  fi
  sleep 1
done
log "Stack ready after $(( $(date +%s) - started )) s"

# The test runs on the JDK run.sh chose for the stack (21 or newer).
JAVA_HOME=$(sed -n 's/^java_home=//p' "$STACK_DIR/ready")
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_ARGS="${MAVEN_ARGS:-} -B --no-transfer-progress"
test_started=$(date +%s)
status=0
./mvnw test -Pe2e -De2e.service-url="http://localhost:$SERVICE_PORT" \
  -De2e.keycloak-url="http://localhost:$KEYCLOAK_PORT" || status=$?
log "Test run took $(( $(date +%s) - test_started )) s"
if [ "$status" != 0 ]; then
  log "The end-to-end test failed; last lines of the service's log ($STACK_DIR/service.log):"
  tail -n 40 "$STACK_DIR/service.log" >&2 || true
fi
exit "$status"

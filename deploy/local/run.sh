#!/usr/bin/env bash
# The one command for a working local service: PostgreSQL, Keycloak with the "perscom" realm
# (deploy/local/keycloak/perscom-realm.json), and the production jar of this service, all on loopback.
#
#   deploy/local/run.sh              start everything, print how to get tokens and try the API; Ctrl-C stops it all
#   deploy/local/run.sh --fresh-db   the same on an empty database (drops and recreates DB_NAME first)
#   deploy/local/run.sh --help       options and environment variables
#
# It uses the PostgreSQL server at PGHOST:PGPORT (127.0.0.1:5432) when one answers, else starts a private one for the
# session (Maven Central binaries, temporary directory, free port). It stops exactly what it started (Keycloak, the
# service, a private PostgreSQL) on Ctrl-C, SIGTERM and exit, never a server it found running.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

usage() {
  cat <<'EOF'
Usage: deploy/local/run.sh [--fresh-db] [--build | --no-build] [--help]

  --fresh-db   drop and recreate the database DB_NAME before starting (all webhooks and logs are lost); the private
               PostgreSQL started when no server answers is always fresh
  --build      always build the jar (default: only when it is missing or older than pom.xml / src/main)
  --no-build   never build; use target/quarkus-app as it is

Environment (all optional):
  PORT                     service port on 127.0.0.1                       (8080)
  MANAGEMENT_PORT          health, metrics, OpenAPI, Swagger UI on 127.0.0.1 (9000)
  KEYCLOAK_PORT            Keycloak port on 127.0.0.1                      (8180)
  DB_NAME                  database, created when missing                  (perscom_webhooks)
  PGHOST PGPORT PGUSER PGPASSWORD
                           an existing PostgreSQL server (needs psql)      (127.0.0.1 5432 postgres, none)
                           when none answers there: a private one for this session
  SHUTDOWN_DELAY           the service's shutdown delay on Ctrl-C          (1s; production: 10s)
  LOCAL_STACK_DIR          logs, pid files, the 'ready' marker, a copy of the jar (target/local-stack)
  PERSCOM_WEBHOOKS_CACHE   Keycloak download and the local encryption key ($XDG_CACHE_HOME/perscom-webhooks)
  KEYCLOAK_START_TIMEOUT   seconds to wait for Keycloak                    (180)
  SERVICE_START_TIMEOUT    seconds to wait for the service to be ready     (180)
  KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD   Keycloak admin console login (admin / admin)
  QUARKUS_LOG_CONSOLE_JSON_ENABLED  true for the production JSON log lines   (false: readable lines)
  WEBHOOKS_SSRF_ALLOW_LIST internal ranges webhooks may reach: loopback receivers for trying it out (127.0.0.1/32)
  Other settings of the service (WEBHOOKS_..., see README: Configuration) pass through from the environment.

When everything is ready, LOCAL_STACK_DIR/ready exists (it holds the URLs); it is removed when the stack stops.
EOF
}

FRESH_DB=${FRESH_DB:-0}
BUILD=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh-db) FRESH_DB=1 ;;
    --build) BUILD=always ;;
    --no-build) BUILD=never ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

PORT=${PORT:-8080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9000}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_VERSION=26.5.6
DB_NAME=${DB_NAME:-perscom_webhooks}
KEYCLOAK_START_TIMEOUT=${KEYCLOAK_START_TIMEOUT:-180}
SERVICE_START_TIMEOUT=${SERVICE_START_TIMEOUT:-180}
CACHE_DIR=${PERSCOM_WEBHOOKS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/perscom-webhooks}
STATE_DIR=${LOCAL_STACK_DIR:-$ROOT/target/local-stack}
KEYCLOAK_HOME="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$ROOT/deploy/local/keycloak/perscom-realm.json"
SERVICE_URL="http://localhost:$PORT"
MANAGEMENT_URL="http://localhost:$MANAGEMENT_PORT"
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
# The issuer of every token; Keycloak is pinned to it with --hostname so it does not depend on how it is reached.
ISSUER="$KEYCLOAK_URL/realms/perscom"

case "$DB_NAME" in
  *[!a-z0-9_]*|[!a-z_]*|'') echo "DB_NAME must be a lowercase SQL identifier, got '$DB_NAME'" >&2; exit 2 ;;
esac

log() { printf '[run.sh] %s\n' "$*"; }
fail() { printf '[run.sh] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$STATE_DIR" "$CACHE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd)
rm -f "$STATE_DIR/ready"

# ------------------------------------------------------------------------------------------- stopping what we start
SERVICE_PID=""
KEYCLOAK_PID=""
BUILD_PID=""
PRIVATE_PG_PID=""

# Each process runs in its own process group (job control on while forking), so stopping it stops its children
# too (kc.sh runs Keycloak's JVM as a child) and a Ctrl-C in the terminal reaches only this script.
spawn() { # log-file command...
  local logfile=$1
  shift
  set -m
  "$@" >"$logfile" 2>&1 </dev/null &
  SPAWNED=$!
  set +m
}

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

stop_group() { # name pid seconds
  local name=$1 pid=$2 seconds=$3
  alive "$pid" || return 0
  log "Stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 5))); do
    kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  log "$name did not stop within $seconds s: killing it"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  rm -f "$STATE_DIR/ready"
  stop_group "the build" "$BUILD_PID" 10
  # The service first waits SHUTDOWN_DELAY, then finishes requests in progress (quarkus.shutdown.timeout, 25 s).
  stop_group "the service" "$SERVICE_PID" 40
  stop_group "Keycloak" "$KEYCLOAK_PID" 20
  if alive "$PRIVATE_PG_PID"; then
    log "Stopping the private PostgreSQL"
    kill -TERM "$PRIVATE_PG_PID" 2>/dev/null && wait "$PRIVATE_PG_PID" 2>/dev/null || true
  fi
  rm -f "$STATE_DIR/service.pid" "$STATE_DIR/keycloak.pid"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

tail_log() { # name file
  echo "----- last lines of $2 -----" >&2
  tail -n "${3:-40}" "$2" >&2 2>/dev/null || true
  echo "-----" >&2
}

# ------------------------------------------------------------------------------------------- JDK 21+
. "$ROOT/.ci/jdk.sh"
use_jdk 21 || fail "a JDK 21 or newer is needed (Keycloak and the service run on it): install one or set JAVA_HOME"
log "Java: $(java -version 2>&1 | head -n 1) ($JAVA_HOME)"

for tool in curl unzip; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is needed: install it"
done

port_in_use "$PORT" && fail "port $PORT is in use (another service?): set PORT"
port_in_use "$MANAGEMENT_PORT" && fail "port $MANAGEMENT_PORT is in use (another service?): set MANAGEMENT_PORT"
port_in_use "$KEYCLOAK_PORT" && fail "port $KEYCLOAK_PORT is in use (another Keycloak?): set KEYCLOAK_PORT"

# ------------------------------------------------------------------------------------------- PostgreSQL
. "$ROOT/.ci/postgres.sh"

# SQL on the server's maintenance database.
pg_sql() {
  psql -q -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -Atc "$1"
}

if (exec 3<>"/dev/tcp/${PGHOST:-127.0.0.1}/${PGPORT:-5432}") 2>/dev/null; then
  # A server answers: use it.
  command -v psql >/dev/null 2>&1 || fail "psql is needed to use the PostgreSQL on ${PGHOST:-127.0.0.1}:${PGPORT:-5432} (Debian/Ubuntu: apt-get install postgresql-client)"
  pg_sql "select 1" >/dev/null || fail "PostgreSQL answers on ${PGHOST:-127.0.0.1}:${PGPORT:-5432} but refuses us: set PGUSER/PGPASSWORD"
  if [ "$FRESH_DB" = 1 ]; then
    log "Dropping database $DB_NAME (--fresh-db)"
    pg_sql "drop database if exists $DB_NAME with (force)" >/dev/null
  fi
  if [ "$(pg_sql "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]; then
    log "Creating database $DB_NAME"
    pg_sql "create database $DB_NAME" >/dev/null
  fi
else
  log "No PostgreSQL on ${PGHOST:-127.0.0.1}:${PGPORT:-5432}: starting a private one for this session (data is not kept)"
  start_private_postgres "$DB_NAME" || fail "the private PostgreSQL did not start"
fi
log "PostgreSQL: ${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$DB_NAME as ${PGUSER:-postgres}"

# ------------------------------------------------------------------------------------------- Keycloak
if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
  log "Fetching Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist, cached in ~/.m2 and $CACHE_DIR)"
  download="$CACHE_DIR/download"
  mkdir -p "$download"
  ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$download" || fail "could not fetch Keycloak $KEYCLOAK_VERSION with Maven"
  unpack=$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")
  unzip -q "$download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$unpack"
  # Unpacked aside and moved in one step, so an interrupted or concurrent first run never leaves half a Keycloak.
  mv "$unpack/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME" 2>/dev/null || [ -x "$KEYCLOAK_HOME/bin/kc.sh" ]
  rm -rf "$unpack" "$download"
fi
mkdir -p "$KEYCLOAK_HOME/data/import"
cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/perscom-realm.json"

export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
log "Starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$KEYCLOAK_PORT (log: $STATE_DIR/keycloak.log)"
# In-memory database: the realm is imported fresh on every start, so the realm file is always what runs.
# Its transaction log lives in this stack's directory, so two stacks can share the Keycloak installation.
# (--add-opens: jboss-threads resets thread locals on Java 24+, and says so at every shutdown without it.)
JAVA_OPTS_APPEND="-Dquarkus.transaction-manager.object-store.directory=$STATE_DIR/keycloak-transaction-logs \
--add-opens=java.base/java.lang=ALL-UNNAMED" \
  spawn "$STATE_DIR/keycloak.log" "$KEYCLOAK_HOME/bin/kc.sh" start-dev --db=dev-mem --import-realm \
  --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL"
KEYCLOAK_PID=$SPAWNED
echo "$KEYCLOAK_PID" >"$STATE_DIR/keycloak.pid"

# ------------------------------------------------------------------------------------------- the service's jar
# Meanwhile (Keycloak takes a while), build the jar when needed.
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
if [ "$BUILD" = always ] || { [ "$BUILD" = auto ] && { [ ! -f "$JAR" ] \
    || [ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" -newer "$JAR" -print -quit 2>/dev/null)" ]; }; }; then
  log "Building the service (./mvnw package -DskipTests, log: $STATE_DIR/build.log)"
  build_start=$(date +%s)
  spawn "$STATE_DIR/build.log" ./mvnw -B -q --no-transfer-progress package -DskipTests
  BUILD_PID=$SPAWNED
  build_status=0
  wait "$BUILD_PID" || build_status=$?
  BUILD_PID=""
  if [ "$build_status" != 0 ]; then
    tail_log build "$STATE_DIR/build.log" 60
    fail "the build failed (full log: $STATE_DIR/build.log)"
  fi
  log "Built in $(( $(date +%s) - build_start )) s"
elif [ ! -f "$JAR" ]; then
  fail "no $JAR (--no-build): build it with ./mvnw package -DskipTests"
fi
# Run a copy, so a rebuild (./mvnw verify in another terminal) cannot pull the jars from under the running service.
rm -rf "$STATE_DIR/app"
cp -R "$ROOT/target/quarkus-app" "$STATE_DIR/app"

# ------------------------------------------------------------------------------------------- encryption key
KEY_FILE="$CACHE_DIR/encryption-key"
if [ ! -s "$KEY_FILE" ]; then
  # Generated once per machine and kept out of the repository: secrets in the local database stay readable. The key
  # id is unique, so a database sealed with a lost key says "No encryption key configured with id ..." when read.
  (umask 077
   if command -v openssl >/dev/null 2>&1; then key=$(openssl rand -base64 32)
   else key=$(head -c 32 /dev/urandom | base64 | tr -d '\n'); fi
   printf 'local-%s:%s\n' "$(date -u +%Y%m%d%H%M%S)" "$key" >"$KEY_FILE.tmp" && mv "$KEY_FILE.tmp" "$KEY_FILE")
  log "Generated the local secrets encryption key: $KEY_FILE"
fi

# ------------------------------------------------------------------------------------------- wait for Keycloak
wait_for() { # name pid timeout url log
  local name=$1 pid=$2 timeout=$3 url=$4 logfile=$5 started
  started=$(date +%s)
  while :; do
    if ! alive "$pid"; then
      tail_log "$name" "$logfile"
      fail "$name exited during start-up (full log: $logfile)"
    fi
    if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
      log "$name is ready after $(( $(date +%s) - started )) s"
      return 0
    fi
    if [ $(( $(date +%s) - started )) -ge "$timeout" ]; then
      tail_log "$name" "$logfile"
      fail "$name was not ready within $timeout s ($url; full log: $logfile)"
    fi
    sleep 1
  done
}
wait_for Keycloak "$KEYCLOAK_PID" "$KEYCLOAK_START_TIMEOUT" \
  "http://127.0.0.1:$KEYCLOAK_PORT/realms/perscom/.well-known/openid-configuration" "$STATE_DIR/keycloak.log"

# ------------------------------------------------------------------------------------------- the service
log "Starting the service on 127.0.0.1:$PORT (log: $STATE_DIR/service.log)"
spawn "$STATE_DIR/service.log" env \
  PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 SHUTDOWN_DELAY="${SHUTDOWN_DELAY:-1s}" \
  MANAGEMENT_PORT="$MANAGEMENT_PORT" QUARKUS_MANAGEMENT_HOST=127.0.0.1 SWAGGER_UI_ENABLED=true \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED="${QUARKUS_LOG_CONSOLE_JSON_ENABLED:-false}" \
  DB_HOST="${PGHOST:-127.0.0.1}" DB_PORT="${PGPORT:-5432}" DB_NAME="$DB_NAME" \
  DB_USERNAME="${PGUSER:-postgres}" DB_PASSWORD="${PGPASSWORD:-}" \
  OIDC_AUTH_SERVER_URL="$ISSUER" \
  WEBHOOKS_SECRETS_ENCRYPTION_KEYS="$(cat "$KEY_FILE")" \
  WEBHOOKS_SSRF_ALLOW_LIST="${WEBHOOKS_SSRF_ALLOW_LIST:-127.0.0.1/32}" \
  java -jar "$STATE_DIR/app/quarkus-run.jar"
SERVICE_PID=$SPAWNED
echo "$SERVICE_PID" >"$STATE_DIR/service.pid"
wait_for "The service" "$SERVICE_PID" "$SERVICE_START_TIMEOUT" "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" \
  "$STATE_DIR/service.log"

printf 'service_url=%s\nkeycloak_url=%s\nissuer=%s\ndatabase=%s\njava_home=%s\n' "$SERVICE_URL" "$KEYCLOAK_URL" \
  "$ISSUER" "$DB_NAME" "$JAVA_HOME" >"$STATE_DIR/ready.tmp"
mv "$STATE_DIR/ready.tmp" "$STATE_DIR/ready"

# ------------------------------------------------------------------------------------------- how to use it
if command -v jq >/dev/null 2>&1; then
  token_of='jq -r .access_token'
  id_of='jq -r .id'
else
  token_of="sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'"
  id_of="sed -E 's/^\\{\"id\":\"([^\"]+)\".*/\\1/'"
fi
token_cmd() { # variable client
  printf '  %s=$(curl -s %s/protocol/openid-connect/token -d grant_type=client_credentials \\\n      -d client_id=%s -d client_secret=%s-secret | %s)\n' \
    "$1" "$ISSUER" "$2" "$2" "$token_of"
}
cat <<EOF

================================================================================================================
 perscom-webhooks is running: $SERVICE_URL   (management: $MANAGEMENT_URL/q/health, /q/metrics, /q/openapi, /q/swagger-ui)
 Keycloak:                    $KEYCLOAK_URL   (admin console: $KEYCLOAK_URL/admin, $KC_BOOTSTRAP_ADMIN_USERNAME / $KC_BOOTSTRAP_ADMIN_PASSWORD)
 Database:                    ${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$DB_NAME
 Logs:                        $STATE_DIR/service.log, $STATE_DIR/keycloak.log
 Press Ctrl-C to stop the service and Keycloak.
================================================================================================================

Tokens (client credentials; the clients are in deploy/local/keycloak/perscom-realm.json):
  # tenant-a admin: scope manage:webhook, tenant_id tenant-a
$(token_cmd ADMIN_A tenant-a-admin)
  # tenant-b admin: scope manage:webhook, tenant_id tenant-b
$(token_cmd ADMIN_B tenant-b-admin)
  # tenant-a without manage:webhook: the admin API answers 403
$(token_cmd VIEWER_A tenant-a-viewer)
  # tenant-a read-only admin: PERSCOM's view_* permissions (reads work, changes answer 403)
$(token_cmd READER_A tenant-a-reader)
  # PERSCOM itself: scopes publish:event (ingest) and manage:tenant (plans, imports)
$(token_cmd PERSCOM perscom-service)

Try it:
  # 0. In another terminal, a receiver on 127.0.0.1:9999 that prints what it gets and answers 200:
  python3 - <<'PY'
import http.server as h
class R(h.BaseHTTPRequestHandler):
    def do_POST(s):
        print(s.headers, s.rfile.read(int(s.headers["Content-Length"])).decode(), flush=True)
        s.send_response(200); s.end_headers()
h.HTTPServer(("127.0.0.1", 9999), R).serve_forever()
PY

  # 1. Create a webhook for tenant-a (the response shows its secret once):
  WEBHOOK_ID=\$(curl -s $SERVICE_URL/api/v1/webhooks -H "Authorization: Bearer \$ADMIN_A" \\
      -H 'Content-Type: application/json' \\
      -d '{"url": "http://127.0.0.1:9999/hook", "events": ["user.created"]}' | tee /dev/stderr | $id_of)

  # 2. PERSCOM posts an event (202 with the number of deliveries queued):
  curl -s $SERVICE_URL/internal/v1/events -H "Authorization: Bearer \$PERSCOM" \\
      -H 'Content-Type: application/json' \\
      -d '{"tenant_id": "tenant-a", "event": "user.created", "data": {"id": 1, "name": "Jane"}}'

  # 3. Read the webhook's attempt log:
  curl -s $SERVICE_URL/api/v1/webhooks/\$WEBHOOK_ID/logs -H "Authorization: Bearer \$ADMIN_A"

EOF

# ------------------------------------------------------------------------------------------- keep running
while :; do
  if ! alive "$SERVICE_PID"; then
    tail_log service "$STATE_DIR/service.log"
    fail "the service stopped (full log: $STATE_DIR/service.log)"
  fi
  if ! alive "$KEYCLOAK_PID"; then
    tail_log Keycloak "$STATE_DIR/keycloak.log"
    fail "Keycloak stopped (full log: $STATE_DIR/keycloak.log)"
  fi
  sleep 1
done

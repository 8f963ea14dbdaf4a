"""
Fault-injection suite: runs each scenario against the production jar and a real PostgreSQL, and prints for each
one: events accepted, delivered, duplicates, lost (lost must be 0). Loopback only; every load loop is bounded.

  python3 tools/faults/faults.py [scenario ...]     (default: all; tools/faults/run.sh sets the environment)

The server is the one at PGHOST:PGPORT; PG_CTL is the pg_ctl command that restarts it (run.sh starts a private
server and sets both), so the restart scenario never touches a server this suite did not start.
"""
import base64
import hashlib
import hmac
import http.server
import json
import os
import shlex
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

import jwt

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KEY = os.path.join(ROOT, "src/test/resources/test-keys/privateKey.pem")
PUBLIC_KEY = os.path.join(ROOT, "src/test/resources/test-keys/publicKey.pem")
ISSUER = "https://faults.perscom.test"
DB = os.environ.get("FAULTS_DB", "perscom_webhooks_faults")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PORT = int(os.environ.get("FAULTS_PORT") or free_port())
BASE = f"http://127.0.0.1:{PORT}"
PGHOST = os.environ.get("PGHOST", "127.0.0.1")
PGPORT = os.environ.get("PGPORT", "5432")
MANAGEMENT_PORT = int(os.environ.get("FAULTS_MANAGEMENT_PORT") or free_port())
MANAGEMENT = f"http://127.0.0.1:{MANAGEMENT_PORT}"
PSQL = ["psql", "-h", PGHOST, "-p", PGPORT, "-U", os.environ.get("PGUSER", "postgres"), "-Atq"]


def log(message):
    print(f"[faults] {message}", flush=True)


def psql(sql, database=DB):
    return subprocess.run(PSQL + ["-d", database, "-c", sql], capture_output=True, text=True, check=True).stdout.strip()


# ------------------------------------------------------------------------------------------------- the receiver
class Receiver:
    """A real HTTP receiver on 127.0.0.1 that checks Standard Webhooks signatures and records every arrival."""

    def __init__(self):
        self.lock = threading.Lock()
        self.arrivals = []           # (path, webhook-id, time)
        self.behaviour = {}          # path -> (status, delay seconds)
        self.secrets = {}            # path -> secret
        self.bad_signatures = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                path = self.path.split("?")[0]
                receiver.record(path, self.headers, body)
                status, delay = receiver.behaviour.get(path, (200, 0))
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request, client_address):
                pass  # the service was killed mid-request: expected in these scenarios

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def record(self, path, headers, body):
        message_id = headers.get("webhook-id")
        secret = self.secrets.get(path)
        if secret is not None and not valid_signature(secret, message_id, headers.get("webhook-timestamp"),
                                                      body, headers.get("webhook-signature", "")):
            with self.lock:
                self.bad_signatures += 1
        with self.lock:
            self.arrivals.append((path, message_id, time.time()))

    def messages(self, path):
        with self.lock:
            return [m for p, m, _ in self.arrivals if p == path]

    def times(self, path):
        with self.lock:
            return [t for p, _, t in self.arrivals if p == path]

    def close(self):
        self.server.shutdown()


def valid_signature(secret, message_id, timestamp, body, header):
    key = secret.encode()
    digest = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    expected = "v1," + base64.b64encode(digest).decode()
    return expected in header.split(" ")


# ------------------------------------------------------------------------------------------------- the service
class Service:
    """The production jar, started and stopped (or killed) by the scenarios."""

    def __init__(self, app_dir, extra_env):
        self.app_dir = app_dir
        with open(PUBLIC_KEY) as f:
            public_key = "".join(line.strip() for line in f if "-----" not in line)
        self.env = dict(os.environ, PORT=str(PORT), MANAGEMENT_PORT=str(MANAGEMENT_PORT), DB_HOST=PGHOST, DB_PORT=PGPORT,
                        DB_NAME=DB,
                        DB_USERNAME=os.environ.get("PGUSER", "postgres"), DB_PASSWORD=os.environ.get("PGPASSWORD", ""),
                        QUARKUS_OIDC_PUBLIC_KEY=public_key, QUARKUS_OIDC_TOKEN_ISSUER=ISSUER,
                        WEBHOOKS_SECRETS_ENCRYPTION_KEYS="faults:" + base64.b64encode(b"k" * 32).decode(),
                        WEBHOOKS_SSRF_ALLOW_LIST="127.0.0.1/32",
                        WEBHOOKS_DELIVERY_LEASE="6s", WEBHOOKS_DELIVERY_LEASE_RENEWAL="2s",
                        WEBHOOKS_DELIVERY_RETRY_SCHEDULE="1s,2s,2s,5s,5s,10s,10s", WEBHOOKS_DELIVERY_RETRY_JITTER="0",
                        WEBHOOKS_DELIVERY_READ_TIMEOUT="2s", WEBHOOKS_DELIVERY_SHUTDOWN_GRACE="3s", SHUTDOWN_DELAY="3s",
                        WEBHOOKS_LIMITS_TENANT_EVENTS_PER_SECOND="10000", WEBHOOKS_LIMITS_TENANT_EVENT_BURST="10000",
                        **extra_env)
        self.process = None
        self.log = open(os.path.join(app_dir, "..", "service.log"), "a")

    def start(self):
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
        self.process = subprocess.Popen([java, "-jar", os.path.join(self.app_dir, "quarkus-run.jar")], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the service exited during start-up; see service.log")
            try:
                with urllib.request.urlopen(MANAGEMENT + "/q/health/ready", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.25)
        raise RuntimeError("the service was not ready within 90 s")

    def signal(self, sig):
        os.killpg(self.process.pid, sig)

    def wait(self, timeout):
        return self.process.wait(timeout=timeout)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.signal(signal.SIGKILL)
                self.process.wait()


# ------------------------------------------------------------------------------------------------- API helpers
def request(method, path, token, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=15) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None
    except (urllib.error.URLError, ConnectionError, OSError):
        return 0, None


def admin_token(tenant):
    return jwt.sign(KEY, {"iss": ISSUER, "sub": "faults-admin", "scope": "manage:webhook", "tenant_id": tenant})


PUBLISHER = None


def publisher_token():
    global PUBLISHER
    if PUBLISHER is None:
        PUBLISHER = jwt.sign(KEY, {"iss": ISSUER, "sub": "perscom", "scope": "publish:event"})
    return PUBLISHER


def create_webhook(tenant, url, secret, event="user.created"):
    status, body = request("POST", "/api/v1/webhooks", admin_token(tenant),
                           {"url": url, "events": [event], "secret": secret})
    assert status == 201, f"creating a webhook answered {status}"
    return body["id"]


class Load:
    """Posts events at a fixed rate for a bounded time from a few threads; records what was accepted."""

    def __init__(self, tenant, rate, seconds, event="user.created"):
        self.tenant, self.rate, self.seconds, self.event = tenant, rate, seconds, event
        self.accepted, self.refused = [], {}
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def join(self):
        self.thread.join()

    def run(self):
        threads = []
        start = time.time()
        for i in range(int(self.rate * self.seconds)):
            due = start + i / self.rate
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            t = threading.Thread(target=self.post_one, daemon=True)
            t.start()
            threads.append(t)
            threads = [t for t in threads if t.is_alive()]
        for t in threads:
            t.join(timeout=20)

    def post_one(self):
        event_id = str(uuid.uuid4())
        status, _ = request("POST", "/internal/v1/events", publisher_token(),
                            {"id": event_id, "tenant_id": self.tenant, "event": self.event, "data": {"id": 1}})
        with self.lock:
            if status == 202:
                self.accepted.append("msg_" + event_id)
            else:
                self.refused[status] = self.refused.get(status, 0) + 1


def wait_drained(timeout=120):
    """Until no delivery is pending (or the timeout): the at-least-once promise has then been kept or broken."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if psql("select count(*) from delivery where status = 'pending'") == "0":
                return True
        except subprocess.CalledProcessError:
            pass
        time.sleep(0.5)
    return False


def tally(name, load, receiver, path, extra=""):
    received = receiver.messages(path)
    unique = set(received)
    accepted = set(load.accepted)
    lost = accepted - unique
    duplicates = len(received) - len(unique)
    refused = ", ".join(f"{count}x{status or 'no answer'}" for status, count in sorted(load.refused.items()))
    print(f"{name}: accepted={len(accepted)} delivered={len(accepted & unique)} duplicates={duplicates} "
          f"lost={len(lost)} refused=[{refused}] bad_signatures={receiver.bad_signatures}{extra}", flush=True)
    return len(lost) == 0 and receiver.bad_signatures == 0 and len(accepted) > 0


# ------------------------------------------------------------------------------------------------- scenarios
def scenario_postgres_restart(service, receiver):
    tenant = "faults-pg"
    receiver.secrets["/pg"] = "pg-restart-secret-0123456789"
    create_webhook(tenant, receiver.url("/pg"), receiver.secrets["/pg"])
    load = Load(tenant, rate=40, seconds=14).start()
    time.sleep(5)
    log(f"restarting the suite's PostgreSQL on port {PGPORT} under load")
    outage_started = time.time()
    subprocess.run(shlex.split(os.environ["PG_CTL"]) + ["-m", "fast", "-w", "restart"], check=True,
                   capture_output=True)
    outage = time.time() - outage_started
    load.join()
    drained = wait_drained()
    return tally("postgres-restart", load, receiver, "/pg",
                 f" outage={outage:.1f}s drained={drained}") and drained


def scenario_kill_9(service, receiver):
    tenant = "faults-kill"
    receiver.secrets["/kill"] = "kill-9-secret-0123456789ab"
    receiver.behaviour["/kill"] = (200, 0.3)
    create_webhook(tenant, receiver.url("/kill"), receiver.secrets["/kill"])
    load = Load(tenant, rate=30, seconds=10).start()
    time.sleep(5)
    in_flight = psql("select count(*) from delivery where status = 'pending' and lease_owner is not null")
    log(f"kill -9 with {in_flight} leased deliveries")
    service.signal(signal.SIGKILL)
    service.wait(10)
    time.sleep(1)
    service.start()
    load.join()
    drained = wait_drained()
    return tally("kill-9", load, receiver, "/kill", f" leased_at_kill={in_flight} drained={drained}") and drained


def scenario_sigterm(service, receiver):
    tenant = "faults-term"
    receiver.secrets["/term"] = "sigterm-secret-0123456789ab"
    receiver.behaviour["/term"] = (200, 0.3)
    create_webhook(tenant, receiver.url("/term"), receiver.secrets["/term"])
    load = Load(tenant, rate=30, seconds=10).start()
    time.sleep(5)
    stopping = time.time()
    service.signal(signal.SIGTERM)
    service.wait(45)
    stop_seconds = time.time() - stopping
    leased = psql("select count(*) from delivery where status = 'pending' and lease_until > now()")
    service.start()
    load.join()
    drained = wait_drained()
    ok = tally("sigterm", load, receiver, "/term",
               f" stopped_in={stop_seconds:.1f}s still_leased_after_stop={leased} drained={drained}")
    return ok and drained and leased == "0"


def scenario_slow_endpoint(service, receiver):
    tenant = "faults-slow"
    receiver.behaviour["/slow"] = (200, 3)
    receiver.secrets["/fast"] = "fast-endpoint-secret-012345"
    create_webhook(tenant, receiver.url("/slow"), "slow-endpoint-secret-012345")
    create_webhook(tenant, receiver.url("/fast"), receiver.secrets["/fast"])
    load = Load(tenant, rate=40, seconds=8).start()
    load.join()
    deadline = time.time() + 30
    while time.time() < deadline and len(set(receiver.messages("/fast"))) < len(load.accepted):
        time.sleep(0.2)
    lags = sorted(receiver.times("/fast"))
    slow_arrivals = len(receiver.messages("/slow"))
    ok = tally("slow-endpoint (fast webhook)", load, receiver, "/fast", f" slow_endpoint_requests={slow_arrivals}")
    return ok and len(lags) > 0


def scenario_gone(service, receiver):
    tenant = "faults-gone"
    receiver.behaviour["/gone"] = (410, 0)
    webhook = create_webhook(tenant, receiver.url("/gone"), "gone-endpoint-secret-012345")
    load = Load(tenant, rate=10, seconds=3).start()
    load.join()
    deadline = time.time() + 20
    enabled = True
    while time.time() < deadline and enabled:
        status, body = request("GET", "/api/v1/webhooks/" + webhook, admin_token(tenant))
        enabled = body["enabled"] if status == 200 else True
        time.sleep(0.3)
    requests_after = len(receiver.messages("/gone"))
    print(f"gone-410: accepted={len(load.accepted)} endpoint_requests={requests_after} disabled={not enabled} "
          f"lost=0 (a 410 ends delivery by design)", flush=True)
    return not enabled and requests_after <= len(load.accepted)


SCENARIOS = {
    "postgres-restart": scenario_postgres_restart,
    "kill-9": scenario_kill_9,
    "sigterm": scenario_sigterm,
    "slow-endpoint": scenario_slow_endpoint,
    "gone-410": scenario_gone,
}


def main(argv):
    names = argv or list(SCENARIOS)
    app_dir = os.environ["FAULTS_APP_DIR"]
    if "postgres-restart" in names and not os.environ.get("PG_CTL"):
        sys.exit("PG_CTL is not set: run tools/faults/run.sh, which starts a PostgreSQL of the suite's own to restart")
    psql(f"drop database if exists {DB} with (force)", database="postgres")
    psql(f"create database {DB}", database="postgres")
    service = Service(app_dir, {})
    receiver = Receiver()
    results = {}
    try:
        service.start()
        for name in names:
            log(f"scenario {name}")
            started = time.time()
            try:
                results[name] = SCENARIOS[name](service, receiver)
            except Exception as error:  # a scenario that breaks is a failed scenario, not a crashed suite
                print(f"{name}: ERROR {error}", flush=True)
                results[name] = False
            log(f"{name}: {'passed' if results[name] else 'FAILED'} in {time.time() - started:.0f} s")
            if service.process.poll() is not None:
                service.start()
    finally:
        service.stop()
        receiver.close()
    passed = sum(1 for ok in results.values() if ok)
    print(f"{passed} passed, {len(results) - passed} failed", flush=True)
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""
Fault-injection suite: runs each scenario against the production jar and a real PostgreSQL, and prints for each
one: events accepted, delivered, duplicates, lost (lost must be 0). Loopback only; every load loop is bounded.

  python3 tools/faults/faults.py [scenario ...]     (default: all; tools/faults/run.sh sets the environment)

The server is the one at PGHOST:PGPORT; PG_CTL is the pg_ctl command that restarts it (run.sh starts a private
server and sets both), so the restart scenario never touches a server this suite did not start.
"""
import base64
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib", "python"))
from webhooktest.receiver import Receiver  # noqa: E402
from webhooktest.service import PGPORT, Service, recreate_database  # noqa: E402

DB = os.environ.get("FAULTS_DB", "perscom_webhooks_faults")
# Short leases, retries and timeouts, so that each scenario plays out in seconds.
SETTINGS = {
    "WEBHOOKS_DELIVERY_LEASE": "6s", "WEBHOOKS_DELIVERY_LEASE_RENEWAL": "2s",
    "WEBHOOKS_DELIVERY_RETRY_SCHEDULE": "1s,2s,2s,5s,5s,10s,10s", "WEBHOOKS_DELIVERY_RETRY_JITTER": "0",
    "WEBHOOKS_DELIVERY_READ_TIMEOUT": "2s", "WEBHOOKS_DELIVERY_SHUTDOWN_GRACE": "3s", "SHUTDOWN_DELAY": "3s",
    "WEBHOOKS_LIMITS_TENANT_EVENTS_PER_SECOND": "10000", "WEBHOOKS_LIMITS_TENANT_EVENT_BURST": "10000",
}


def log(message):
    print(f"[faults] {message}", flush=True)


# ------------------------------------------------------------------------------------------------- load
class Load:
    """Posts events at a fixed rate for a bounded time from a few threads; records what was accepted."""

    def __init__(self, service, tenant, rate, seconds, event="user.created"):
        self.service, self.tenant, self.rate, self.seconds, self.event = service, tenant, rate, seconds, event
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
        status, _ = self.service.request("POST", "/internal/v1/events", self.service.publisher_token(),
                                         {"id": event_id, "tenant_id": self.tenant, "event": self.event,
                                          "data": {"id": 1}})
        with self.lock:
            if status == 202:
                self.accepted.append("msg_" + event_id)
            else:
                self.refused[status] = self.refused.get(status, 0) + 1


def wait_drained(service, timeout=120):
    """Until no delivery is pending (or the timeout): the at-least-once promise has then been kept or broken."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if service.psql("select count(*) from delivery where status = 'pending'") == "0":
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
    receiver.secrets["/pg"] = "whsec_" + base64.b64encode(os.urandom(24)).decode()  # the other key form
    service.create_webhook(tenant, receiver.url("/pg"), receiver.secrets["/pg"])
    load = Load(service, tenant, rate=40, seconds=14).start()
    time.sleep(5)
    log(f"restarting the suite's PostgreSQL on port {PGPORT} under load")
    outage_started = time.time()
    subprocess.run(shlex.split(os.environ["PG_CTL"]) + ["-m", "fast", "-w", "restart"], check=True,
                   capture_output=True)
    outage = time.time() - outage_started
    load.join()
    drained = wait_drained(service)
    return tally("postgres-restart", load, receiver, "/pg",
                 f" outage={outage:.1f}s drained={drained}") and drained


def load_mid_delivery(service, receiver, tenant, path, secret):
    """30 events/s for 10 s to an endpoint answering in 300 ms, returned 5 s in: deliveries are in flight."""
    receiver.secrets[path] = secret
    receiver.behaviour[path] = (200, 0.3)
    service.create_webhook(tenant, receiver.url(path), secret)
    load = Load(service, tenant, rate=30, seconds=10).start()
    time.sleep(5)
    return load


def scenario_kill_9(service, receiver):
    load = load_mid_delivery(service, receiver, "faults-kill", "/kill", "kill-9-secret-0123456789ab")
    in_flight = service.psql("select count(*) from delivery where status = 'pending' and lease_owner is not null")
    log(f"kill -9 with {in_flight} leased deliveries")
    service.signal(signal.SIGKILL)
    service.wait(10)
    time.sleep(1)
    service.start()
    load.join()
    drained = wait_drained(service)
    return tally("kill-9", load, receiver, "/kill", f" leased_at_kill={in_flight} drained={drained}") and drained


def scenario_sigterm(service, receiver):
    load = load_mid_delivery(service, receiver, "faults-term", "/term", "sigterm-secret-0123456789ab")
    stopping = time.time()
    service.signal(signal.SIGTERM)
    service.wait(45)
    stop_seconds = time.time() - stopping
    leased = service.psql("select count(*) from delivery where status = 'pending' and lease_until > now()")
    service.start()
    load.join()
    drained = wait_drained(service)
    ok = tally("sigterm", load, receiver, "/term",
               f" stopped_in={stop_seconds:.1f}s still_leased_after_stop={leased} drained={drained}")
    return ok and drained and leased == "0"


def scenario_slow_endpoint(service, receiver):
    tenant = "faults-slow"
    receiver.behaviour["/slow"] = (200, 3)
    receiver.secrets["/fast"] = "fast-endpoint-secret-012345"
    service.create_webhook(tenant, receiver.url("/slow"), "slow-endpoint-secret-012345")
    service.create_webhook(tenant, receiver.url("/fast"), receiver.secrets["/fast"])
    load = Load(service, tenant, rate=40, seconds=8).start()
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
    webhook = service.create_webhook(tenant, receiver.url("/gone"), "gone-endpoint-secret-012345")
    load = Load(service, tenant, rate=10, seconds=3).start()
    load.join()
    deadline = time.time() + 20
    enabled = True
    while time.time() < deadline and enabled:
        status, body = service.request("GET", "/api/v1/webhooks/" + webhook, service.admin_token(tenant))
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
    recreate_database(DB)
    service = Service(app_dir, DB, SETTINGS)
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
            if not service.running():
                service.start()
    finally:
        service.stop()
        receiver.close()
    passed = sum(1 for ok in results.values() if ok)
    print(f"{passed} passed, {len(results) - passed} failed", flush=True)
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

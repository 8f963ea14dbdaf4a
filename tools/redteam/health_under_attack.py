"""
Health under attack: hostile automation previews (string doubling, nested loops, catastrophic regex, huge ranges and
joins) posted by REDTEAM_CLIENTS clients in a loop for REDTEAM_SECONDS, while one sampler asks the management port's
/q/health every 20 ms. Prints how the previews were answered and p50/p99/max of the health answers; exits 1 when a
preview got a 5xx or no answer, when health failed, or when the health p99 is REDTEAM_P99_MS (100) or more.
Starts the production jar with the tools' shared Service (tools/lib/python/webhooktest), on loopback only.
"""
import http.client
import json
import os
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib", "python"))
from webhooktest.service import Service, recreate_database  # noqa: E402

DB = "perscom_webhooks_redteam"

CLIENTS = int(os.environ.get("REDTEAM_CLIENTS", "8"))
SECONDS = float(os.environ.get("REDTEAM_SECONDS", "20"))
P99_LIMIT_MS = float(os.environ.get("REDTEAM_P99_MS", "100"))
SAMPLE_EVERY = 0.02
BASELINE_SECONDS = 5

DOUBLING = "'aa'" + "|replace({'a':'aa'})" * 25
HOSTILE = [
    {"webhook_payload_template": {"x": '{{ "#{ ' + DOUBLING + ' }" }}'}},
    {"webhook_payload_template": {"x": "{% for a in 1..1000 %}{% for b in 1..1000 %}{% for c in 1..1000 %}"
                                       "{{ c }}{% endfor %}{% endfor %}{% endfor %}"}},
    {"condition": 'model["name"] matches "/^(.*a){20}$/"', "webhook_payload_template": {"x": "{{ model.id }}"}},
    {"webhook_payload_template": {"x": "{{ range(1, 100000000)|length }}"}},
    {"webhook_payload_template": {"x": "{% for i in 1..10000 %}{{ range(1, 9999)|join(',') }}{% endfor %}"}},
    {"condition": "5 in 1..100000000", "webhook_payload_template": {"x": "{{ model.id }}"}},
    {"webhook_payload_template": {"x": "{{ '%099999999d'|format(1) }}"}},
]


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


class Attack:
    def __init__(self, port, token, webhook_id, deadline):
        self.port, self.token, self.webhook_id, self.deadline = port, token, webhook_id, deadline
        self.lock = threading.Lock()
        self.answers = {}  # "status/preview status" -> count

    def client(self, index):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        n = index
        while time.time() < self.deadline:
            hostile = dict(HOSTILE[n % len(HOSTILE)], trigger="user.created", webhook_id=self.webhook_id)
            body = json.dumps({"automation": hostile, "data": {"id": 1, "name": "a" * 30 + "b"}})
            n += 1
            try:
                connection.request("POST", "/api/v1/automations/preview", body=body, headers={
                    "Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
                answer = connection.getresponse()
                payload = answer.read()
                outcome = str(answer.status)
                if answer.status == 200:
                    result = json.loads(payload)
                    outcome += f" {result.get('status')}/{result.get('error_kind')}"
            except (OSError, http.client.HTTPException):
                outcome = "no answer"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            with self.lock:
                self.answers[outcome] = self.answers.get(outcome, 0) + 1


def sample_health(port, deadline, latencies, failures):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    while time.time() < deadline:
        started = time.perf_counter()
        try:
            connection.request("GET", "/q/health")
            answer = connection.getresponse()
            answer.read()
            if answer.status != 200:
                failures.append(answer.status)
        except (OSError, http.client.HTTPException) as error:
            failures.append(str(error))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(SAMPLE_EVERY)


def main():
    recreate_database(DB)
    service = Service(os.environ["REDTEAM_APP_DIR"], DB, {"SHUTDOWN_DELAY": "3s"})  # no load balancer to wait for
    service.start()
    try:
        tenant = "redteam-" + uuid.uuid4().hex[:8]
        token = service.admin_token(tenant)
        # A loopback webhook that nothing is ever sent to: previews send nothing.
        webhook_id = service.create_webhook(tenant, "http://127.0.0.1:9/never", "redteam-secret-0123456789")

        # Warm-up (not measured): the first requests compile the engines' code paths.
        Attack(service.port, token, webhook_id, time.time() + 3).client(0)
        # Baseline: health alone, on this machine as loaded as it is, to read the attack's numbers against.
        quiet, quiet_failures = [], []
        sample_health(service.management_port, time.time() + BASELINE_SECONDS, quiet, quiet_failures)

        deadline = time.time() + SECONDS
        attack = Attack(service.port, token, webhook_id, deadline)
        latencies, failures = [], []
        threads = [threading.Thread(target=attack.client, args=(i,)) for i in range(CLIENTS)]
        threads.append(threading.Thread(target=sample_health,
                                        args=(service.management_port, deadline, latencies, failures)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        service.stop()

    quiet.sort()
    print(f"[redteam] health without attack: {len(quiet)} samples, p50 {percentile(quiet, 0.5):.1f} ms, "
          f"p99 {percentile(quiet, 0.99):.1f} ms, max {quiet[-1]:.1f} ms", flush=True)
    latencies.sort()
    p50, p99, worst = percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[-1]
    previews = sum(attack.answers.values())
    print(f"[redteam] {CLIENTS} clients, {SECONDS:.0f} s: {previews} hostile previews answered "
          + ", ".join(f"{count}x {outcome}" for outcome, count in sorted(attack.answers.items())), flush=True)
    print(f"[redteam] health under attack: {len(latencies)} samples, p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {worst:.1f} ms, "
          f"{len(failures)} failed", flush=True)
    broken = sum(count for outcome, count in attack.answers.items()
                 if outcome == "no answer" or outcome.startswith("5"))
    ok = not failures and broken == 0 and p99 < P99_LIMIT_MS and previews > 0
    if not ok:
        print(f"[redteam] FAILED: p99 must be under {P99_LIMIT_MS:.0f} ms, every health answer 200 and no preview "
              "answered 5xx or not at all", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

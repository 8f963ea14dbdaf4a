"""
The production jar as its own process, on free loopback ports, against a database of the caller's at PGHOST:PGPORT,
trusting the test key pair's tokens (tokens.py); plus the few admin and ingest calls the tools make.
"""
import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from webhooktest import tokens

PGHOST = os.environ.get("PGHOST", "127.0.0.1")
PGPORT = os.environ.get("PGPORT", "5432")
PGUSER = os.environ.get("PGUSER", "postgres")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, database):
    return subprocess.run(["psql", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-Atq", "-d", database, "-c", sql],
                          capture_output=True, text=True, check=True).stdout.strip()


def recreate_database(database):
    psql(f"drop database if exists {database} with (force)", "postgres")
    psql(f"create database {database}", "postgres")


class Service:
    """
    `app_dir` is a quarkus-app directory (run a copy, so a rebuild cannot change it underneath); the service log is
    appended to `app_dir`/../service.log. `extra_env` adds or overrides service settings.
    """

    def __init__(self, app_dir, database, extra_env=None):
        self.app_dir = app_dir
        self.database = database
        self.port = free_port()
        self.management_port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.management = f"http://127.0.0.1:{self.management_port}"
        self.env = dict(os.environ, PORT=str(self.port), MANAGEMENT_PORT=str(self.management_port),
                        DB_HOST=PGHOST, DB_PORT=PGPORT, DB_NAME=database, DB_USERNAME=PGUSER,
                        DB_PASSWORD=os.environ.get("PGPASSWORD", ""),
                        QUARKUS_OIDC_PUBLIC_KEY=tokens.public_key_base64(), QUARKUS_OIDC_TOKEN_ISSUER=tokens.ISSUER,
                        WEBHOOKS_SECRETS_ENCRYPTION_KEYS="tools:" + base64.b64encode(b"k" * 32).decode(),
                        WEBHOOKS_SSRF_ALLOW_LIST="127.0.0.1/32", **(extra_env or {}))
        self.process = None
        self.log = open(os.path.join(app_dir, "..", "service.log"), "a")
        self._publisher = None

    def start(self, timeout=90):
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
        self.process = subprocess.Popen([java, "-jar", os.path.join(self.app_dir, "quarkus-run.jar")], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the service exited during start-up; see service.log")
            try:
                with urllib.request.urlopen(self.management + "/q/health/ready", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.25)
        raise RuntimeError(f"the service was not ready within {timeout} s")

    def running(self):
        return self.process is not None and self.process.poll() is None

    def signal(self, sig):
        os.killpg(self.process.pid, sig)

    def wait(self, timeout):
        return self.process.wait(timeout=timeout)

    def stop(self):
        if self.running():
            self.signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.signal(signal.SIGKILL)
                self.process.wait()

    def psql(self, sql):
        return psql(sql, self.database)

    # ------------------------------------------------------------------------------------------- API calls
    def request(self, method, path, token, body=None):
        """(status, parsed JSON answer or None); status 0 when the service did not answer."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=15) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, None
        except (urllib.error.URLError, ConnectionError, OSError):
            return 0, None

    @staticmethod
    def admin_token(tenant):
        return tokens.sign({"sub": "tools-admin", "scope": "manage:webhook", "tenant_id": tenant})

    def publisher_token(self):
        if self._publisher is None:
            self._publisher = tokens.sign({"sub": "perscom", "scope": "publish:event"})
        return self._publisher

    def create_webhook(self, tenant, url, secret, event="user.created"):
        status, body = self.request("POST", "/api/v1/webhooks", self.admin_token(tenant),
                                    {"url": url, "events": [event], "secret": secret})
        if status != 201:
            raise RuntimeError(f"creating a webhook answered {status}")
        return body["id"]

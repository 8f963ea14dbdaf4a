"""A real webhook receiver on 127.0.0.1: scripted answers per path, every arrival recorded, signatures checked."""
import http.server
import socketserver
import threading
import time

from webhooktest import signatures


class Receiver:
    """
    Answers POSTs with `behaviour[path]` (status, delay in seconds; default 200 at once), records (path, webhook-id,
    time) of each, and checks both signatures of those whose path has a secret in `secrets`: `bad_signatures` counts
    the requests where either failed.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.arrivals = []
        self.behaviour = {}
        self.secrets = {}
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
                pass  # the sender went away mid-request (killed, timed out): expected in fault scenarios

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def record(self, path, headers, body):
        secret = self.secrets.get(path)
        bad = secret is not None and not signatures.headers_valid(secret, dict(headers.items()), body)
        with self.lock:
            self.bad_signatures += bad
            self.arrivals.append((path, headers.get("webhook-id"), time.time()))

    def messages(self, path):
        with self.lock:
            return [m for p, m, _ in self.arrivals if p == path]

    def times(self, path):
        with self.lock:
            return [t for p, _, t in self.arrivals if p == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()

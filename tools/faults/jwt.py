"""Signs RS256 access tokens with openssl, for the fault suite's driver and admin calls (stdlib only)."""
import base64
import json
import subprocess
import time


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(private_key_pem: str, claims: dict) -> str:
    header = {"alg": "RS256", "typ": "JWT"}
    now = int(time.time())
    body = {"iat": now, "exp": now + 3600, **claims}
    signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(body).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private_key_pem],
                               input=signing_input.encode(), capture_output=True, check=True).stdout
    return signing_input + "." + _b64(signature)

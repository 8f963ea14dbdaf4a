"""RS256 access tokens signed with openssl and the test key pair of src/test/resources/test-keys (stdlib only)."""
import base64
import json
import os
import subprocess
import time

from webhooktest import TEST_KEYS

PRIVATE_KEY = os.path.join(TEST_KEYS, "privateKey.pem")
PUBLIC_KEY = os.path.join(TEST_KEYS, "publicKey.pem")
ISSUER = "https://tools.perscom.test"


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims, private_key_pem=PRIVATE_KEY, ttl_seconds=3600):
    """A JWT with `claims` (iss defaults to ISSUER), issued now and valid for ttl_seconds."""
    now = int(time.time())
    body = {"iss": ISSUER, "iat": now, "exp": now + ttl_seconds, **claims}
    signing_input = _b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode()) + "." + _b64url(
        json.dumps(body).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private_key_pem],
                               input=signing_input.encode(), capture_output=True, check=True).stdout
    return signing_input + "." + _b64url(signature)


def public_key_base64(public_key_pem=PUBLIC_KEY):
    """The public key as quarkus-oidc's public-key setting (QUARKUS_OIDC_PUBLIC_KEY) takes it: base64 DER."""
    with open(public_key_pem) as f:
        return "".join(line.strip() for line in f if "-----" not in line)

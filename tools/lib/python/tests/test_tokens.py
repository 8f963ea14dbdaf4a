"""webhooktest.tokens: RS256 tokens the test key pair's public half verifies."""
import base64
import json
import os
import subprocess
import tempfile
import unittest

from webhooktest import tokens


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def openssl_verifies(token):
    header, payload, signature = token.split(".")
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(unb64url(signature))
    try:
        return subprocess.run(["openssl", "dgst", "-sha256", "-verify", tokens.PUBLIC_KEY, "-signature", f.name],
                              input=f"{header}.{payload}".encode(), capture_output=True).returncode == 0
    finally:
        os.unlink(f.name)


class TokensTest(unittest.TestCase):

    def test_a_token_is_rs256_signed_with_the_test_key_and_carries_the_claims(self):
        token = tokens.sign({"sub": "someone", "scope": "publish:event"}, ttl_seconds=60)
        header, payload, _ = token.split(".")
        self.assertEqual("RS256", json.loads(unb64url(header))["alg"])
        claims = json.loads(unb64url(payload))
        self.assertEqual((tokens.ISSUER, "someone", "publish:event"), (claims["iss"], claims["sub"], claims["scope"]))
        self.assertEqual(60, claims["exp"] - claims["iat"])
        self.assertTrue(openssl_verifies(token))

    def test_a_changed_claim_no_longer_verifies(self):
        header, payload, signature = tokens.sign({"sub": "someone"}).split(".")
        claims = json.loads(unb64url(payload))
        forged = base64.urlsafe_b64encode(json.dumps(dict(claims, sub="admin")).encode()).rstrip(b"=").decode()
        self.assertFalse(openssl_verifies(f"{header}.{forged}.{signature}"))

    def test_the_public_key_is_the_base64_der_quarkus_oidc_takes(self):
        der = subprocess.run(["openssl", "pkey", "-pubin", "-in", tokens.PUBLIC_KEY, "-outform", "DER"],
                             capture_output=True, check=True).stdout
        self.assertEqual(base64.b64encode(der).decode(), tokens.public_key_base64())


if __name__ == "__main__":
    unittest.main()

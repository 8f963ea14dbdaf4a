"""webhooktest.signatures, the vectors file itself, and openssl's agreement with it."""
import base64
import json
import subprocess
import unittest

import generate_signature_vectors
from webhooktest import SIGNATURE_VECTORS, signatures

with open(SIGNATURE_VECTORS, encoding="utf-8") as f:
    VECTORS = json.load(f)


def openssl_hmac(key, data):
    return subprocess.run(["openssl", "dgst", "-sha256", "-binary", "-mac", "HMAC", "-macopt", "hexkey:" + key.hex()],
                          input=data, capture_output=True, check=True).stdout


class VectorsFileTest(unittest.TestCase):

    def test_the_committed_file_is_what_the_generator_writes(self):
        with open(SIGNATURE_VECTORS, encoding="utf-8") as f:
            self.assertEqual(generate_signature_vectors.render(), f.read(),
                             "stale: run python3 tools/lib/python/generate_signature_vectors.py")

    def test_openssl_computes_every_signing_vector_alike(self):
        for case in VECTORS["signing"]:
            with self.subTest(case["name"]):
                body = case["body"].encode()
                self.assertEqual(case["signature"], openssl_hmac(case["secret"].encode(), body).hex())
                key = base64.b64decode(case["standard_key_base64"])
                signed = f"{case['webhook_id']}.{case['timestamp']}.".encode() + body
                first = case["webhook_signature"].split(" ")[0]
                self.assertEqual(first, "v1," + base64.b64encode(openssl_hmac(key, signed)).decode())


class SignaturesTest(unittest.TestCase):

    def test_signing_vectors(self):
        for case in VECTORS["signing"]:
            with self.subTest(case["name"]):
                body = case["body"].encode()
                self.assertEqual(base64.b64decode(case["standard_key_base64"]),
                                 signatures.standard_key(case["secret"]))
                self.assertEqual(case["signature"], signatures.perscom_signature(case["secret"], body))
                sent = [signatures.standard_signature(secret, case["webhook_id"], case["timestamp"], body)
                        for secret in (case["secret"], case["previous_secret"]) if secret is not None]
                self.assertEqual(case["webhook_signature"], " ".join(sent))

    def test_verification_vectors(self):
        for case in VECTORS["verification"]:
            with self.subTest(case["name"]):
                headers, body, secret = case["headers"], case["body"].encode(), case["secret"]
                self.assertEqual(case["signature_valid"],
                                 signatures.perscom_valid(secret, body, headers["Signature"]))
                self.assertEqual(case["webhook_signature_valid"],
                                 signatures.standard_valid(secret, headers["webhook-id"], headers["webhook-timestamp"],
                                                           body, headers["webhook-signature"]))
                self.assertEqual(case["signature_valid"] and case["webhook_signature_valid"],
                                 signatures.headers_valid(secret, headers, body))


if __name__ == "__main__":
    unittest.main()

"""
The two signatures the service sends, computed and checked as receivers do (rules: the docstring of
../generate_signature_vectors.py; tested against src/test/resources/signing/signature-vectors.json):

- `Signature`: lowercase hex HMAC-SHA256 of the body, keyed with the secret's UTF-8 bytes as typed;
- `webhook-signature`: space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with standard_key.
"""
import base64
import hashlib
import hmac
import re

WHSEC = "whsec_"
_BASE64 = re.compile(r"[A-Za-z0-9+/]*")


def standard_key(secret):
    """The Standard Webhooks key: the decoded rest of a whsec_ secret when it is base64, else the secret's UTF-8."""
    if secret.startswith(WHSEC):
        key = _strict_base64(secret[len(WHSEC):])
        if key:
            return key
    return secret.encode("utf-8")


def _strict_base64(text):
    """Standard alphabet, padding optional but complete when present (java.util.Base64's basic decoder); else None."""
    data = text.rstrip("=")
    padding = len(text) - len(data)
    if not _BASE64.fullmatch(data) or len(data) % 4 == 1 or (padding and (padding > 2 or (len(data) + padding) % 4)):
        return None
    return base64.b64decode(data + "=" * (-len(data) % 4))


def perscom_signature(secret, body):
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def standard_signature(secret, webhook_id, timestamp, body):
    signed = f"{webhook_id}.{timestamp}.".encode("utf-8") + body
    return "v1," + base64.b64encode(hmac.new(standard_key(secret), signed, hashlib.sha256).digest()).decode()


def perscom_valid(secret, body, header):
    """`Signature` as spatie/laravel-webhook-client checks it: exactly the hex HMAC (body: bytes as received)."""
    return header is not None and hmac.compare_digest(header.encode("utf-8"),
                                                      perscom_signature(secret, body).encode())


def standard_valid(secret, webhook_id, timestamp, body, header):
    """`webhook-signature` holds the v1 signature of (id, timestamp, body) among its space-separated entries."""
    if header is None or webhook_id is None or timestamp is None:
        return False
    expected = standard_signature(secret, webhook_id, timestamp, body).encode()
    return any(hmac.compare_digest(entry.encode("utf-8"), expected) for entry in header.split(" "))


def headers_valid(secret, headers, body):
    """Both signatures of a received request; `headers` maps names (any case) to values."""
    lower = {name.lower(): value for name, value in headers.items()}
    return (perscom_valid(secret, body, lower.get("signature"))
            and standard_valid(secret, lower.get("webhook-id"), lower.get("webhook-timestamp"), body,
                               lower.get("webhook-signature")))

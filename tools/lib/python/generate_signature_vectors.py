"""
Writes src/test/resources/signing/signature-vectors.json, the signature test vectors every checker in this repository
is tested against (WebhookSignerTest and Verify in Java, webhooktest.signatures in Python, bench/lib/signatures.mjs in
Node), after Convoy's pkg/signature test data:

  python3 tools/lib/python/generate_signature_vectors.py           write the file
  python3 tools/lib/python/generate_signature_vectors.py --check   exit 1 when the file is not what this writes

The expected values are computed here with Python's hmac, independently of the service's Java code and of the
checkers (this file imports none of them). Each case names its HMAC key explicitly instead of deriving it from the
secret, so the file states the key rule rather than repeating an implementation of it:

- `Signature`: lowercase hex HMAC-SHA256 of the body, keyed with the secret's UTF-8 bytes exactly as typed.
- `webhook-signature`: `v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the
  base64-decoded rest of a `whsec_` secret when that rest is standard-alphabet base64 (`=` padding optional but, when
  present, complete; decoding to at least one byte), else with the secret's UTF-8 bytes as typed. During a rotation
  it carries the new secret's signature, a space, and the previous secret's; `Signature` uses the new secret only.

Timestamps are fixed and old on purpose: the vectors test signatures, not clock policy (checkers reject stale
timestamps separately).
"""
import base64
import hashlib
import hmac
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
VECTORS = os.path.join(ROOT, "src", "test", "resources", "signing", "signature-vectors.json")

TIMESTAMP = 1700000000
MESSAGE_ID = "msg_2f1c7a3e-5b0d-4c8e-9a61-7d3b2e4f5a60"

# What the service sends: PHP json_encode's escapes (\/ and \uXXXX), so the body on the wire is ASCII.
PERSCOM_BODY = ('{"event":"user.created","created":"2023-11-14T22:13:20.000000Z","request_id":"0b7c1d2e",'
                '"trace_id":null,"data":{"id":1,"name":"Jane \\u00c4rger","url":"https:\\/\\/perscom.io\\/users\\/1"},'
                '"changes":null}')
# Raw non-ASCII characters (UTF-8 on the wire, 2-, 3- and 4-byte sequences): pins the encoding the HMAC covers.
UNICODE_BODY = '{"name":"J\u00fcrgen \u00d8ster \U0001F600","note":"\u65e5\u672c\u8a9e","tab":"a\tb"}'
# The body of the cases whose values were computed by PHP 8's hash_hmac and openssl before this file existed.
SHORT_BODY = '{"event":"user.created","data":{"id":1}}'

PLAIN = "a-perscom-secret-of-32-characters"
WHSEC_24 = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
KEY_32 = hashlib.sha256(b"perscom-webhooks signature vectors, 32-byte key").digest()
WHSEC_32 = "whsec_" + base64.b64encode(KEY_32).decode()  # ends with "=": padded
KEY_96 = hashlib.sha512(b"perscom-webhooks signature vectors, long key").digest() + KEY_32
WHSEC_96 = "whsec_" + base64.b64encode(KEY_96).decode()
LONG_PLAIN = ("perscom allows secrets of up to 255 characters; longer than the 64-byte HMAC block, "
              "so the HMAC key is the SHA-256 of the secret. " * 3)[:255]
UNICODE_SECRET = " sp\u00e4ced\tsecret \U0001F600 "
URL_SAFE = "whsec_MfKQ9r8GKYqrTwjU-D8ILPZIo2LaLa_w"
LOOKS_BASE64 = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
OTHER = "an-unrelated-secret-0123456789"


def utf8(text):
    return text.encode("utf-8")


def b64(data):
    return base64.b64encode(data).decode()


def perscom(key, body):
    return hmac.new(key, utf8(body), hashlib.sha256).hexdigest()


def standard(key, message_id, timestamp, body):
    signed = utf8(f"{message_id}.{timestamp}.") + utf8(body)
    return "v1," + b64(hmac.new(key, signed, hashlib.sha256).digest())


def signing_case(name, description, secret, key, body=PERSCOM_BODY, message_id=MESSAGE_ID,
                 previous=None, previous_key=None):
    webhook_signature = standard(key, message_id, TIMESTAMP, body)
    if previous is not None:
        webhook_signature += " " + standard(previous_key, message_id, TIMESTAMP, body)
    return {
        "name": name,
        "description": description,
        "secret": secret,
        "previous_secret": previous,
        "standard_key_base64": b64(key),
        "webhook_id": message_id,
        "timestamp": TIMESTAMP,
        "body": body,
        "signature": perscom(utf8(secret), body),
        "webhook_signature": webhook_signature,
    }


def signing_cases():
    return [
        signing_case("short-secret-known-value",
                     "plain secret 'secret'; Signature as `openssl dgst -sha256 -hmac secret` gives it",
                     "secret", utf8("secret"), body=SHORT_BODY, message_id="msg_1"),
        signing_case("plain-secret", "a PERSCOM secret (no whsec_ prefix): both HMACs keyed with its UTF-8 bytes",
                     PLAIN, utf8(PLAIN)),
        signing_case("plain-secret-that-looks-like-base64",
                     "no whsec_ prefix, so never base64-decoded even though it is valid base64",
                     LOOKS_BASE64, utf8(LOOKS_BASE64)),
        signing_case("plain-secret-longer-than-hmac-block", "255 characters, the longest PERSCOM accepts",
                     LONG_PLAIN, utf8(LONG_PLAIN)),
        signing_case("plain-secret-unicode-php-known-value",
                     "spaces, tab, a-umlaut and an emoji, used as typed; values as PHP 8's hash_hmac gives them",
                     UNICODE_SECRET, utf8(UNICODE_SECRET), body=SHORT_BODY, message_id="msg_1"),
        signing_case("whsec-24-byte-key", "whsec_ secret: webhook-signature keyed with the decoded 24 bytes",
                     WHSEC_24, base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
        signing_case("whsec-32-byte-key-padded", "the service's generated form: 32 random bytes, base64 with '='",
                     WHSEC_32, KEY_32),
        signing_case("whsec-key-longer-than-hmac-block", "96-byte key", WHSEC_96, KEY_96),
        signing_case("whsec-unpadded", "rest without its '=' padding still decodes: AQIDBAU is bytes 1..5",
                     "whsec_AQIDBAU", bytes([1, 2, 3, 4, 5])),
        signing_case("whsec-three-byte-key", "whsec_AQID is bytes 1, 2, 3", "whsec_AQID", bytes([1, 2, 3])),
        signing_case("whsec-rest-not-base64-php-known-value", "'*' is not base64: a plain secret, used as typed",
                     "whsec_not*base64", utf8("whsec_not*base64"), body=SHORT_BODY, message_id="msg_1"),
        signing_case("whsec-rest-url-safe-alphabet", "'-' and '_' are not standard base64: a plain secret",
                     URL_SAFE, utf8(URL_SAFE)),
        signing_case("whsec-rest-bad-padding", "'AQ=' has incomplete padding: a plain secret",
                     "whsec_AQ=", utf8("whsec_AQ=")),
        signing_case("whsec-rest-single-character", "'A' decodes to no byte: a plain secret",
                     "whsec_A", utf8("whsec_A")),
        signing_case("whsec-rest-empty", "'whsec_' alone: a plain secret", "whsec_", utf8("whsec_")),
        signing_case("unicode-body", "raw UTF-8 in the body: the HMACs cover its UTF-8 bytes",
                     PLAIN, utf8(PLAIN), body=UNICODE_BODY),
        signing_case("unicode-body-whsec", "raw UTF-8 in the body, whsec_ secret", WHSEC_24,
                     base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), body=UNICODE_BODY),
        signing_case("empty-body", "an empty body is still signed", WHSEC_32, KEY_32, body=""),
        signing_case("rotation", "rotating from a plain secret to a whsec_ one: webhook-signature carries both "
                     "(new first), Signature the new secret's only",
                     WHSEC_32, KEY_32, previous=PLAIN, previous_key=utf8(PLAIN)),
    ]


def received(name, description, secret, signed, valid_signature, valid_webhook_signature, **changes):
    """A request as a receiver holding `secret` gets it: the signing case's headers and body, with `changes`."""
    headers = {
        "Signature": signed["signature"],
        "webhook-id": signed["webhook_id"],
        "webhook-timestamp": str(signed["timestamp"]),
        "webhook-signature": signed["webhook_signature"],
    }
    body = changes.pop("body", signed["body"])
    headers.update(changes.pop("headers", {}))
    assert not changes, changes
    return {
        "name": name,
        "description": description,
        "secret": secret,
        "headers": headers,
        "body": body,
        "signature_valid": valid_signature,
        "webhook_signature_valid": valid_webhook_signature,
    }


def verification_cases(signing):
    by_name = {case["name"]: case for case in signing}
    whsec = by_name["whsec-24-byte-key"]
    whsec_key = base64.b64decode(whsec["standard_key_base64"])
    rotation = by_name["rotation"]
    right = standard(whsec_key, whsec["webhook_id"], TIMESTAMP, whsec["body"])
    wrong = standard(utf8(OTHER), whsec["webhook_id"], TIMESTAMP, whsec["body"])

    def keyed(key, case):
        return standard(key, case["webhook_id"], TIMESTAMP, case["body"])

    cases = [received("as-signed/" + case["name"], "what the service sends, checked with the signing secret",
                      case["secret"], case, True, True) for case in signing]
    cases += [
        received("rotation-receiver-holds-previous-secret",
                 "a receiver not yet updated: webhook-signature verifies with the previous secret, Signature not",
                 PLAIN, rotation, False, True),
        received("rotation-receiver-holds-another-secret", "neither signature is made with this secret",
                 OTHER, rotation, False, False),
        received("wrong-secret", "a secret that signed nothing", OTHER, whsec, False, False),
        received("secret-differs-in-case", "secrets are compared as bytes", WHSEC_24.replace("whsec_M", "whsec_m"),
                 whsec, False, False),
        received("tampered-body", "one character of the body changed", WHSEC_24, whsec, False, False,
                 body=whsec["body"].replace("Jane", "Jana")),
        received("body-with-trailing-newline", "a byte appended to the body", WHSEC_24, whsec, False, False,
                 body=whsec["body"] + "\n"),
        received("body-re-encoded", "the same JSON with its escapes decoded is not the signed body", WHSEC_24,
                 whsec, False, False, body=whsec["body"].replace("\\/", "/").replace("\\u00c4", "\u00c4")),
        received("other-webhook-id", "webhook-signature covers the id, Signature does not", WHSEC_24, whsec,
                 True, False, headers={"webhook-id": "msg_another"}),
        received("other-timestamp", "webhook-signature covers the timestamp, Signature does not", WHSEC_24, whsec,
                 True, False, headers={"webhook-timestamp": str(TIMESTAMP + 1)}),
        received("webhook-signature-second-of-two", "any v1 signature of the list may match", WHSEC_24, whsec,
                 True, True, headers={"webhook-signature": wrong + " " + right}),
        received("webhook-signature-other-schemes-ignored",
                 "entries of other versions (v1a is Ed25519) are skipped, not fatal", WHSEC_24, whsec, True, True,
                 headers={"webhook-signature": "v1a," + right[3:] + " " + right}),
        received("webhook-signature-right-value-wrong-version", "the right HMAC labelled v2", WHSEC_24, whsec,
                 True, False, headers={"webhook-signature": "v2," + right[3:]}),
        received("webhook-signature-without-version", "the right HMAC without 'v1,'", WHSEC_24, whsec,
                 True, False, headers={"webhook-signature": right[3:]}),
        received("webhook-signature-truncated", "the right HMAC without its last character", WHSEC_24, whsec,
                 True, False, headers={"webhook-signature": right[:-1]}),
        received("webhook-signature-empty", "an empty header", WHSEC_24, whsec, True, False,
                 headers={"webhook-signature": ""}),
        received("webhook-signature-missing", "no header", WHSEC_24, whsec, True, False,
                 headers={"webhook-signature": None}),
        received("webhook-signature-keyed-with-whsec-text",
                 "keyed with the whsec_ secret's UTF-8 bytes instead of its decoded key", WHSEC_24, whsec, True,
                 False, headers={"webhook-signature": keyed(utf8(WHSEC_24), whsec)}),
        received("webhook-signature-keyed-with-lenient-decoding",
                 "keyed with the url-safe decoding of a secret the service treats as plain", URL_SAFE,
                 by_name["whsec-rest-url-safe-alphabet"], True, False, headers={"webhook-signature": keyed(
                     base64.urlsafe_b64decode(URL_SAFE[6:] + "=="), by_name["whsec-rest-url-safe-alphabet"])}),
        received("webhook-signature-keyed-with-decoded-plain-secret",
                 "keyed with the base64 decoding of a plain secret without whsec_", LOOKS_BASE64,
                 by_name["plain-secret-that-looks-like-base64"], True, False, headers={"webhook-signature": keyed(
                     base64.b64decode(LOOKS_BASE64), by_name["plain-secret-that-looks-like-base64"])}),
        received("signature-uppercase-hex", "Signature is compared exactly: lowercase hex", WHSEC_24, whsec,
                 False, True, headers={"Signature": whsec["signature"].upper()}),
        received("signature-prefixed", "'sha256=' + the right hex is not the header PERSCOM sends", WHSEC_24,
                 whsec, False, True, headers={"Signature": "sha256=" + whsec["signature"]}),
        received("signature-keyed-with-decoded-whsec", "Signature uses the secret as typed, never the decoded key",
                 WHSEC_24, whsec, False, True, headers={"Signature": perscom(whsec_key, whsec["body"])}),
        received("signature-missing", "no header", WHSEC_24, whsec, False, True, headers={"Signature": None}),
        received("signature-empty", "an empty header", WHSEC_24, whsec, False, True, headers={"Signature": ""}),
    ]
    return cases


def build():
    signing = signing_cases()
    return {
        "about": "Signature test vectors of perscom-webhooks; generated by "
                 "tools/lib/python/generate_signature_vectors.py (its docstring states the rules), do not edit.",
        "signing": signing,
        "verification": verification_cases(signing),
    }


def render():
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv):
    text = render()
    if argv == ["--check"]:
        with open(VECTORS, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{VECTORS} is stale: run {__file__}", file=sys.stderr)
                return 1
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(VECTORS), exist_ok=True)
    with open(VECTORS, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {VECTORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

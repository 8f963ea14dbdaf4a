"""webhooktest.receiver: records arrivals, answers as scripted, counts requests whose signatures fail."""
import http.client
import json
import unittest

from webhooktest import SIGNATURE_VECTORS
from webhooktest.receiver import Receiver

with open(SIGNATURE_VECTORS, encoding="utf-8") as f:
    VERIFICATION = {case["name"]: case for case in json.load(f)["verification"]}


class ReceiverTest(unittest.TestCase):

    def setUp(self):
        self.receiver = Receiver()
        self.addCleanup(self.receiver.close)

    def post(self, path, case):
        connection = http.client.HTTPConnection("127.0.0.1", self.receiver.server.server_address[1], timeout=5)
        headers = {name: value for name, value in case["headers"].items() if value is not None}
        connection.request("POST", path, body=case["body"].encode(), headers=headers)
        status = connection.getresponse().status
        connection.close()
        return status

    def test_a_signed_request_is_recorded_and_passes(self):
        case = VERIFICATION["as-signed/whsec-24-byte-key"]
        self.receiver.secrets["/a"] = case["secret"]
        self.assertEqual(200, self.post("/a?x=1", case))
        self.assertEqual([case["headers"]["webhook-id"]], self.receiver.messages("/a"))
        self.assertEqual(0, self.receiver.bad_signatures)

    def test_requests_failing_either_signature_are_counted(self):
        for name in ("tampered-body", "other-webhook-id", "signature-uppercase-hex", "signature-missing"):
            case = VERIFICATION[name]
            self.receiver.secrets["/b"] = case["secret"]
            self.post("/b", case)
        self.assertEqual(4, len(self.receiver.messages("/b")))
        self.assertEqual(4, self.receiver.bad_signatures)

    def test_paths_without_a_secret_are_not_checked_and_answers_follow_the_script(self):
        self.receiver.behaviour["/gone"] = (410, 0)
        self.assertEqual(410, self.post("/gone", VERIFICATION["tampered-body"]))
        self.assertEqual(1, len(self.receiver.times("/gone")))
        self.assertEqual(0, self.receiver.bad_signatures)


if __name__ == "__main__":
    unittest.main()

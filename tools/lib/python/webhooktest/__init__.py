"""
Shared helpers of the Python tools (tools/faults, tools/redteam), standard library only: the one token minter
(tokens), signature checker (signatures), test receiver (receiver) and production-jar runner (service) of the Python
side. Their tests are in ../tests (python3 -m unittest discover -s tools/lib/python).
"""
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
TEST_KEYS = os.path.join(ROOT, "src", "test", "resources", "test-keys")
SIGNATURE_VECTORS = os.path.join(ROOT, "src", "test", "resources", "signing", "signature-vectors.json")

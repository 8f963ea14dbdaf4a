// For the tests: the signature test vectors every checker in the repository is tested against (written by
// tools/lib/python/generate_signature_vectors.py).
import fs from 'node:fs';

export const VECTORS = JSON.parse(fs.readFileSync(
  new URL('../../src/test/resources/signing/signature-vectors.json', import.meta.url), 'utf8'));

// protocol.py's signer on the grader's Python: the same tags as the
// standard library's HMAC-SHA256, for short, block-sized and long keys.
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";
import { PYTHON } from "./sandbox/sandbox";
import { PYTHON_DIRECTORY } from "./spawn";

it("signs frames with HMAC-SHA256 over the counter and the payload", () => {
  const probe = `
import hmac, json, os, sys
sys.path.insert(0, ${JSON.stringify(PYTHON_DIRECTORY)})
from awaitable.protocol import signer
results = []
for key in (b"", b"k", os.urandom(32), os.urandom(64), os.urandom(65), os.urandom(200)):
    sign = signer(key)
    for sequence, payload in ((0, b""), (1, b'{"k":"ready"}'), (2**40, os.urandom(5000))):
        expected = hmac.digest(key, sequence.to_bytes(8, "big") + payload, "sha256")
        results.append(sign(sequence, payload) == expected)
    results.append(sign(0, b"a") != signer(key + b"x")(0, b"a"))
print(json.dumps(results))
`;
  const results = JSON.parse(execFileSync(PYTHON, ["-I", "-S", "-c", probe], { encoding: "utf8" })) as boolean[];
  expect(results).toHaveLength(24);
  expect(results.every(Boolean)).toBe(true);
});

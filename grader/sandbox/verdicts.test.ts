// Hostile programs through the whole runner (harness in the sandbox): the
// verdict names the limit, in words a student understands.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runHarness, type TLimits } from "../run-harness";

async function run(code: string, limits: Partial<TLimits> = {}) {
  const directory = await mkdtemp(path.join(os.tmpdir(), "awaitable-verdict-"));
  const file = path.join(directory, "main.py");
  await writeFile(file, code);
  return runHarness({ mode: "run", submissionPath: file, limits });
}

describe("limits become verdicts", { timeout: 30_000 }, () => {
  it.each([
    ["a fork bomb", "import os\nwhile True:\n    os.fork()\n", { processes: 32 }, "RUNTIME_ERROR", /processes and threads/],
    ["a thread bomb", "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(60,)).start()\n", { processes: 32 }, "RUNTIME_ERROR", /processes and threads/],
    ["a 10 GB allocation", "x = bytearray(10 * 1024 ** 3)\n", { memoryMb: 256 }, "MEMORY_LIMIT", /memory/],
    ["children of 300 MB each", "import os, time\nfor _ in range(4):\n    if os.fork() == 0:\n        b = bytearray(300 * 1024 ** 2)\n        for i in range(0, len(b), 4096): b[i] = 1\n        time.sleep(30)\nos.wait()\n", { memoryMb: 512 }, "MEMORY_LIMIT", /more than 512 MB/],
    ["an infinite loop", "while True:\n    pass\n", { cpuSeconds: 1 }, "TIME_LIMIT", /CPU/],
    ["100 MB of output", "import sys\nfor _ in range(100):\n    sys.stdout.write('x' * 1024 * 1024)\n", { outputKb: 64 }, "OUTPUT_LIMIT", /print/i],
    ["a 10 GB file", "with open('/tmp/big', 'wb') as f:\n    for _ in range(10 * 1024):\n        f.write(b'x' * 1024 * 1024)\n", { fileSizeMb: 4, tmpMb: 32 }, "OUTPUT_LIMIT", /file larger than 4 MB/],
    ["a thread blocked in C where the clock cannot see it", "import _thread, threading\nlock = _thread.allocate_lock()\nlock.acquire()\nt = threading.Thread(target=lock.acquire)\nt.start()\nt.join()\n", { wallSeconds: 2 }, "TIME_LIMIT", /real time/],
  ] as const)("%s", async (_name, code, limits, verdict, message) => {
    const outcome = await run(code, limits);
    expect(outcome.sandboxed).toBe(true);
    expect(outcome.verdict, JSON.stringify(outcome.message)).toBe(verdict);
    expect(outcome.message?.en).toMatch(message);
    expect(outcome.message?.["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ["closes every descriptor, the result channel among them", "import os\nos.closerange(3, 4096)\nprint('closed')\n"],
    ["puts a file of its own in the channel's place", "import os\nfd = os.open('/tmp/x', os.O_CREAT | os.O_WRONLY)\nfor n in range(3, 64):\n    try:\n        os.dup2(fd, n)\n    except OSError:\n        pass\n"],
  ])("a program that %s cannot pass, and is not the grader's fault", async (_name, code) => {
    const outcome = await run(code, { wallSeconds: 5 });
    expect(outcome.verdict).not.toBe("PASSED");
    expect(outcome.verdict).not.toBe("GRADER_ERROR");
    expect(["RUNTIME_ERROR", "TIME_LIMIT"]).toContain(outcome.verdict);
  });

  it("a connection attempt is refused and reported as the program's own error", async () => {
    const outcome = await run("import socket\nsocket.create_connection(('127.0.0.1', 5432))\n");
    expect(outcome.verdict).toBe("RUNTIME_ERROR");
    expect(outcome.error?.message).toMatch(/Permission denied/);
  });
});

// Hostile programs against the real sandbox: each must be contained (the
// host intact, no process left behind, no secret readable) and stopped for
// the right reason. Legitimate concurrency must keep working.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync, readlinkSync, readSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, DEFAULT_SANDBOX_LIMITS, type TSandboxLimits } from "./limits";
import { checkSandbox, SandboxPool, sandboxZygotePid, type SandboxOutcome } from "./sandbox";

const SECRET = "hostile-test-secret-d41d8cd98f00b204";
const pool = new SandboxPool(3);
const uidBase = Number(process.env.SANDBOX_UID_BASE ?? "61000");

beforeAll(async () => {
  // Secrets the grader's own process holds: nothing inside may read them.
  process.env.DATABASE_URL = `postgresql://user:${SECRET}@127.0.0.1:5432/db`;
  process.env.NEXTAUTH_SECRET = SECRET;
  const check = await checkSandbox(pool);
  if (!check.ok) throw new Error(`the sandbox is not usable here: ${check.problems.join("; ")}`);
});

async function runPython(
  code: string,
  limits: Partial<TSandboxLimits> = {},
  binds: { host: string; sandbox: string }[] = [],
  stdin = "",
) {
  const directory = await mkdtemp(path.join(os.tmpdir(), "awaitable-hostile-"));
  await writeFile(path.join(directory, "main.py"), code, { mode: 0o644 });
  await chmod(directory, 0o755);
  const outcome = await pool.run({
    pythonArgs: ["/submission/main.py"],
    stdin,
    readOnlyBinds: [{ host: directory, sandbox: "/submission" }, ...binds],
    env: { PATH: "/usr/bin", HOME: "/tmp", LANG: "C.UTF-8" },
    limits: { ...DEFAULT_SANDBOX_LIMITS, ...limits },
  });
  await pool.settled();
  // (While other runs hold slots, the next run may already be in this one.)
  if (pool.busy === 0) await expectNothingLeft(outcome);
  const text = (output: SandboxOutcome["stdout"]) => Buffer.concat([output.head, output.tail]).toString();
  return { ...outcome, out: text(outcome.stdout), err: text(outcome.stderr) };
}

/** No process of the run's uid survives the run. */
/** The real uid of a process (its /proc folder belongs to root when it is not dumpable, as every run's process is). */
async function uidOf(pid: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const line = status.split("\n").find((entry) => entry.startsWith("Uid:"));
  return line ? Number(line.split(/\s+/)[1]) : -1;
}

/** No process of the run's uids (the student's and the judge's) survives the run. */
async function expectNothingLeft(outcome: SandboxOutcome) {
  const uids = [uidBase + outcome.slot, uidBase + 1000 + outcome.slot];
  const survivors: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (uids.includes(await uidOf(entry))) survivors.push(Number(entry));
  }
  expect(survivors, `processes of uids ${uids.join(", ")} survived the run`).toEqual([]);
}

describe("hostile programs are contained", { timeout: 30_000 }, () => {
  it("fork bomb: stopped at the process limit", async () => {
    const run = await runPython("import os\nwhile True:\n    os.fork()\n", { processes: 64 });
    expect(run.limitExceeded).toBe("processes");
  });

  it("thread bomb: stopped at the process limit", async () => {
    const run = await runPython(
      "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n",
      { processes: 64 },
    );
    expect(run.limitExceeded).toBe("processes");
  });

  it("memory bomb of 10 GB: stopped at the memory limit", async () => {
    const run = await runPython("x = bytearray(10 * 1024 ** 3)\nprint('allocated')\n", { memoryMb: 256 });
    expect(run.limitExceeded).toBe("memory");
    expect(run.out).not.toContain("allocated");
  });

  it("many processes of 900 MB each: the total is capped, not each one", async () => {
    const code = [
      "import os, time",
      "for _ in range(6):",
      "    if os.fork() == 0:",
      "        block = bytearray(900 * 1024 ** 2)",
      "        for i in range(0, len(block), 4096): block[i] = 1",
      "        time.sleep(30)",
      "        os._exit(0)",
      "time.sleep(30)",
    ].join("\n");
    const run = await runPython(code, { memoryMb: 1024, wallSeconds: 20 });
    expect(run.limitExceeded).toBe("memory");
    expect(run.peakMemoryBytes).toBeLessThanOrEqual(1024 * 1024 ** 2);
  });

  it("infinite loop: stopped at the CPU limit", async () => {
    const run = await runPython("while True:\n    pass\n", { cpuSeconds: 1 });
    expect(run.limitExceeded).toBe("cpu");
  });

  it("busy loop that ignores SIGXCPU: still stopped at the CPU limit", async () => {
    const run = await runPython("import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass\n", {
      cpuSeconds: 1,
      wallSeconds: 10,
    });
    expect(run.limitExceeded).toBe("cpu");
    expect(run.exitCode).toBeNull();
  });

  it("sleep forever: stopped at the wall-time limit", async () => {
    const started = Date.now();
    const run = await runPython("import time\ntime.sleep(10 ** 6)\n", { wallSeconds: 1 });
    expect(run.limitExceeded).toBe("wall");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("100 MB to stdout: stopped at the output limit, and only a little is kept", async () => {
    const run = await runPython("import sys\nfor _ in range(100):\n    sys.stdout.write('x' * 1024 * 1024)\n", { outputKb: 256 });
    expect(run.limitExceeded).toBe("output");
    expect(run.stdout.head.length + run.stdout.tail.length).toBeLessThanOrEqual(64 * 1024);
    expect(run.stdout.bytes).toBeGreaterThan(256 * 1024);
  });

  it("a 10 GB file: stopped at the file-size limit", async () => {
    const code = [
      "import os, signal",
      // What the harness does first: Python ignores SIGXFSZ, and as pid 1 of its
      // namespace the default action would be ignored too, so exit on it.
      "signal.signal(signal.SIGXFSZ, lambda *_: os._exit(128 + signal.SIGXFSZ))",
      "with open('/tmp/big', 'wb') as f:",
      "    for _ in range(10 * 1024):",
      "        f.write(b'x' * 1024 * 1024)",
    ].join("\n");
    const run = await runPython(code, { fileSizeMb: 8, tmpMb: 64 });
    expect(run.limitExceeded).toBe("fileSize");
  });

  it("filling /tmp: the private tmpfs is full, the host's is untouched", async () => {
    const hostTmpUsedKb = () => Number(execFileSync("df", ["--output=used", "/tmp"]).toString().split("\n")[1]);
    const before = hostTmpUsedKb();
    const run = await runPython(
      "with open('/tmp/fill', 'wb') as f:\n    while True:\n        f.write(b'x' * 1024 * 1024)\n        f.flush()\n",
      { tmpMb: 8, fileSizeMb: 64 },
    );
    expect(run.exitCode).toBe(1);
    expect(run.err).toMatch(/No space left on device/);
    // The run wrote 8 MB into its own /tmp; the host's grew by no more than the submission file.
    expect(hostTmpUsedKb() - before).toBeLessThan(1024);
  });

  it("TCP to the host's PostgreSQL port: refused", async () => {
    const run = await runPython(
      "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 5432), timeout=2)\n    print('CONNECTED')\nexcept OSError as error:\n    print('refused', error.errno)\n",
    );
    expect(run.out).toMatch(/^refused 13/);
  });

  it("TCP to a socket the test listens on: no connection arrives", async () => {
    let connections = 0;
    const server = net.createServer(() => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const run = await runPython(
      `import socket\nfor family in (socket.AF_INET, socket.AF_INET6):\n    try:\n        s = socket.socket(family)\n        s.connect(('127.0.0.1' if family == socket.AF_INET else '::1', ${port}))\n        print('CONNECTED')\n    except OSError as error:\n        print('refused', error.errno)\n`,
    );
    server.close();
    expect(run.out).not.toContain("CONNECTED");
    expect(connections).toBe(0);
  });

  it("DNS lookup: fails", async () => {
    const run = await runPython(
      "import socket\ntry:\n    print(socket.getaddrinfo('registry.npmjs.org', 443))\nexcept OSError as error:\n    print('no dns:', type(error).__name__)\n",
    );
    expect(run.out).toMatch(/^no dns:/);
  });

  it("secrets: /proc/1/environ, the parent's and its own environment hold none", async () => {
    const code = [
      "import os",
      "found = []",
      "for pid in os.listdir('/proc'):",
      "    if pid.isdigit():",
      "        try:",
      "            found.append(open(f'/proc/{pid}/environ', 'rb').read().decode(errors='replace'))",
      "        except OSError:",
      "            pass",
      "print(repr(found), dict(os.environ), os.getppid())",
    ].join("\n");
    const run = await runPython(code);
    expect(run.exitCode).toBe(0);
    expect(run.out).not.toContain(SECRET);
    expect(run.out).not.toMatch(/DATABASE_URL|NEXTAUTH/);
  });

  it("host files: /etc/shadow, the project's files and .env are not there; / holds only the sandbox", async () => {
    const project = process.cwd();
    const code = [
      "import os",
      `for path in ['/etc/shadow', '/etc/passwd', ${JSON.stringify(path.join(project, ".env"))}, ${JSON.stringify(path.join(project, "package.json"))}, '/root', '/work']:`,
      "    print(path, os.path.exists(path))",
      "print(sorted(os.listdir('/')))",
    ].join("\n");
    const run = await runPython(code);
    expect(run.out).not.toMatch(/ True/);
    expect(run.out).toContain("['bin', 'dev', 'lib', 'lib64', 'proc', 'submission', 'tmp', 'usr']");
  });

  it("kill -9 -1: kills only what is inside", async () => {
    const sentinel = spawn("sleep", ["30"], { stdio: "ignore" });
    const code = [
      "import os, signal, time",
      "children = [os.fork() for _ in range(3)]",
      "if 0 in children:",
      "    time.sleep(60)",
      "    os._exit(0)",
      "os.kill(-1, signal.SIGKILL)",
      "print('killed', [os.waitpid(pid, 0)[1] for pid in children])",
    ].join("\n");
    const run = await runPython(code);
    expect(sentinel.exitCode).toBeNull();
    expect(process.kill(sentinel.pid ?? 0, 0)).toBe(true);
    sentinel.kill();
    expect(run.out.trim()).toBe("killed [9, 9, 9]");
  });

  it("a setsid daemon does not outlive the run", async () => {
    const code = [
      "import os, time",
      "if os.fork() == 0:",
      "    os.setsid()",
      "    if os.fork() == 0:",
      "        time.sleep(300)",
      "    os._exit(0)",
      "print('parent exits')",
    ].join("\n");
    const run = await runPython(code);
    expect(run.out).toContain("parent exits");
    // expectNothingLeft (in runPython) found no survivor.
  });

  it("shell tools through os.system and subprocess: confined", async () => {
    const code = [
      "import os, subprocess",
      "os.system('ls / ; id')",
      "print(subprocess.run(['sh', '-c', 'cat /etc/hostname; ls /root; echo done'], capture_output=True, text=True))",
    ].join("\n");
    const run = await runPython(code);
    expect(run.out).toContain("done");
    expect(run.out).not.toContain("root:x:");
    expect(run.out).toMatch(/uid=\d+/);
    expect(run.out).not.toMatch(/uid=0\b/);
  });

  it("ctypes: raw system calls for ptrace, mount, unshare and an inet socket are refused", async () => {
    const code = [
      "import ctypes, ctypes.util",
      "libc = ctypes.CDLL(None, use_errno=True)",
      "calls = {",
      "    'ptrace': lambda: libc.ptrace(16, 1, 0, 0),",
      "    'mount': lambda: libc.mount(b'none', b'/tmp', b'tmpfs', 0, None),",
      "    'unshare': lambda: libc.unshare(0x10000000),",
      "    'socket': lambda: libc.socket(2, 1, 0),",
      "}",
      "for name, call in calls.items():",
      "    print(name, call(), ctypes.get_errno())",
    ].join("\n");
    const run = await runPython(code);
    for (const name of ["ptrace", "mount", "unshare", "socket"]) expect(run.out).toMatch(new RegExp(`${name} -1 (1|13)\\b`));
  });

  it("ctypes: a segfault ends only the run", async () => {
    const run = await runPython("import ctypes\nctypes.string_at(0)\n");
    expect(run.signal).toBe("SIGSEGV");
  });

  it("deep recursion: a clean error, or a crash of the run only", async () => {
    const run = await runPython("import sys\nsys.setrecursionlimit(10 ** 7)\ndef f(n):\n    return f(n + 1)\nf(0)\n");
    expect(run.exitCode === 0).toBe(false);
    expect({ signal: run.signal, limit: run.limitExceeded }).toSatisfy(
      (ending: { signal: string | null; limit: string | null }) => ending.signal === "SIGSEGV" || ending.limit !== null || ending.signal === null,
    );
  });

  it("writing into the read-only submission folder and /usr: refused", async () => {
    const run = await runPython(
      "for path in ['/submission/x', '/usr/x']:\n    try:\n        open(path, 'w')\n        print('WROTE', path)\n    except OSError as error:\n        print('refused', error.errno)\n",
    );
    expect(run.out).not.toContain("WROTE");
  });
});

describe("legitimate programs still work", { timeout: 30_000 }, () => {
  it("ThreadPoolExecutor, ProcessPoolExecutor with 4 workers, and 5,000 asyncio tasks", async () => {
    const code = [
      "import asyncio, concurrent.futures",
      "def square(n):",
      "    return n * n",
      "async def main():",
      "    loop = asyncio.get_running_loop()",
      "    with concurrent.futures.ThreadPoolExecutor(8) as threads:",
      "        print(sum(await asyncio.gather(*(loop.run_in_executor(threads, square, n) for n in range(100)))))",
      "    with concurrent.futures.ProcessPoolExecutor(4) as processes:",
      "        print(sum(await asyncio.gather(*(loop.run_in_executor(processes, square, n) for n in range(100)))))",
      "    async def tick(n):",
      "        await asyncio.sleep(0.001)",
      "        return n",
      "    print(sum(await asyncio.gather(*(tick(n) for n in range(5000)))))",
      "asyncio.run(main())",
    ].join("\n");
    const run = await runPython(code);
    expect(run.err).toBe("");
    expect(run.out.trim().split("\n")).toEqual(["328350", "328350", "12497500"]);
  });
});

describe("slots", { timeout: 30_000 }, () => {
  it("runs several at once, each with its own limits, and reuses its slots", async () => {
    const results = await Promise.all([
      runPython("x = bytearray(400 * 1024 ** 2)\nprint('big ok')\n", { memoryMb: 600 }),
      runPython("x = bytearray(400 * 1024 ** 2)\nprint('big ok')\n", { memoryMb: 128 }),
      runPython("import time\ntime.sleep(0.2)\nprint('slept')\n"),
      runPython("print('queued for a free slot')\n"),
      runPython("print('and another')\n"),
    ]);
    expect(results[0]?.out).toContain("big ok");
    expect(results[1]?.limitExceeded).toBe("memory");
    expect(results[2]?.out).toContain("slept");
    expect(results[3]?.out).toContain("queued for a free slot");
    expect(results[4]?.out).toContain("and another");
    expect(new Set(results.map((result) => result.slot)).size).toBeLessThanOrEqual(3);
    expect(pool.busy).toBe(0);
  });
});

/** How many times each needle occurs in the readable memory of a process. */
function countInMemory(pid: number, needles: string[]): number[] {
  const counts = needles.map(() => 0);
  const patterns = needles.map((needle) => Buffer.from(needle));
  const memory = openSync(`/proc/${pid}/mem`, "r");
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, "utf8").trim().split("\n")) {
      const [range = "", permissions = ""] = line.split(" ");
      if (!permissions.startsWith("r") || /\[(vvar|vsyscall|vvar_vclock)\]/.test(line)) continue;
      const [start = 0, end = 0] = range.split("-").map((hex) => Number.parseInt(hex, 16));
      const chunk = Buffer.alloc(1 << 20);
      // Chunks overlap by a little, so a needle across a border is found (and may count twice).
      for (let position = start; position < end; position += chunk.length - 256) {
        const length = Math.min(chunk.length, end - position);
        let read = 0;
        try {
          read = readSync(memory, chunk, 0, length, position);
        } catch {
          break; // a region that cannot be read (a guard page)
        }
        const view = chunk.subarray(0, read);
        patterns.forEach((pattern, index) => {
          for (let at = view.indexOf(pattern); at >= 0; at = view.indexOf(pattern, at + 1)) counts[index] = (counts[index] ?? 0) + 1;
        });
      }
    }
  } finally {
    closeSync(memory);
  }
  return counts;
}

describe("the zygote every run is forked from", { timeout: 30_000 }, () => {
  it("holds no secret of the grader's and nothing of any run that went through it", async () => {
    const marker = `run-marker-${randomBytes(12).toString("hex")}`;
    const codeMarker = `code-marker-${randomBytes(12).toString("hex")}`;
    const run = await runPython(
      `import sys\nkept = sys.stdin.read() + ${JSON.stringify(codeMarker)}\nprint(len(kept))\n`,
      {},
      [],
      marker.repeat(100),
    );
    expect(run.exitCode).toBe(0);
    // A grading too: the job carries an exercise's tests, which only the judge may ever hold.
    const testsMarker = `tests-marker-${randomBytes(12).toString("hex")}`;
    const job = {
      mode: "grade", clock: "virtual", cpu: "free", io: null, limits: { ...DEFAULT_LIMITS },
      submission: { name: "submission.py", source: `async def main():\n    return ${JSON.stringify(codeMarker)}\n` },
      exercise: {
        id: "00000000-0000-4000-8000-000000000000", slug: "marker", scenarios: null,
        tests: `from awaitable.testing import test\n\n@test("t", zh="t", en="t")\ndef t(t):\n    "${testsMarker}"\n    t.equal(t.measure(t.function("main")).result, ${JSON.stringify(codeMarker)})\n`,
      },
    };
    const grading = await pool.run({ kind: "grade", pythonArgs: [], stdin: JSON.stringify(job), readOnlyBinds: [], env: { PATH: "/usr/bin" }, limits: DEFAULT_SANDBOX_LIMITS });
    expect(grading.channel.toString()).toContain('"verdict":"PASSED"');
    const zygote = sandboxZygotePid();
    expect(zygote).toBeDefined();
    // What the grader's own process holds (process.env above), and what the runs were given.
    const [secret, stdin, code, tests, own] = countInMemory(zygote!, [SECRET, marker, codeMarker, testsMarker, "student_namespace"]);
    expect(own, "the scan finds what the zygote does hold").toBeGreaterThan(0);
    expect({ secret, stdin, code, tests }).toEqual({ secret: 0, stdin: 0, code: 0, tests: 0 });
    const environment = readFileSync(`/proc/${zygote}/environ`, "utf8").split("\0").filter(Boolean);
    expect(environment.sort()).toEqual(["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PYTHONHASHSEED=0"]);
  });

  it("is single-threaded, and every run gets namespaces, credentials and a filter of its own", async () => {
    const zygote = sandboxZygotePid()!;
    expect((await readdir(`/proc/${zygote}/task`)).length).toBe(1);
    const kinds = ["pid", "net", "mnt", "ipc", "uts", "cgroup"];
    const code = [
      "import os",
      `print(' '.join(os.readlink('/proc/self/ns/' + kind) for kind in ${JSON.stringify(kinds)}))`,
      "status = dict(line.split(':\\t', 1) for line in open('/proc/self/status').read().splitlines() if ':\\t' in line)",
      "print(os.getuid(), os.getgid(), os.getgroups(), status['CapEff'].strip(), status['CapBnd'].strip(), status['NoNewPrivs'].strip(), status['Seccomp'].strip())",
      // Both runs alive at once: a namespace's number is reused once it is freed.
      "import time; time.sleep(1)",
    ].join("\n");
    const [first, second] = await Promise.all([runPython(code), runPython(code)]);
    const namespaces = (run: Awaited<ReturnType<typeof runPython>>) => run.out.split("\n")[0]!.split(" ");
    const zygoteNamespaces = kinds.map((kind) => readlinkSync(`/proc/${zygote}/ns/${kind}`));
    kinds.forEach((kind, index) => {
      const seen = [zygoteNamespaces[index], namespaces(first)[index], namespaces(second)[index]];
      expect(new Set(seen).size, `${kind} namespaces: ${seen.join(", ")}`).toBe(3);
    });
    for (const run of [first, second]) {
      const uid = uidBase + run.slot;
      expect(run.out.split("\n")[1]).toBe(`${uid} ${uid} [] 0000000000000000 0000000000000000 1 2`);
    }
  });

  it("leaves nothing behind when the grader alone is killed mid-run", async () => {
    const holder = spawn(path.join("node_modules", ".bin", "tsx"), [path.join("tests", "support", "sandbox-holder.ts")], {
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    type Pids = { grader: number; zygote: number; runner: number; pid1: number; armed: number[] };
    const pids = await new Promise<Pids>((resolve, reject) => {
      let output = "";
      holder.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("\n")) resolve(JSON.parse(output.split("\n")[0]!) as Pids);
      });
      holder.on("exit", (code) => reject(new Error(`the holder exited (${code}) before its run started`)));
    });
    // Only the grader's own process, as the OOM killer would: its zygote
    // learns it from its closed standard input, its runner from the closed
    // connection, and the run's pid 1 from its runner's death.
    process.kill(pids.grader, "SIGKILL");
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The runner armed for the next run (in the slot, waiting) goes too.
    const { armed, ...single } = pids;
    const all = [...Object.values(single), ...armed];
    const deadline = Date.now() + 5000;
    while (all.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const left = Object.fromEntries(Object.entries(single).map(([name, pid]) => [name, alive(pid)]));
    if (alive(holder.pid!)) process.kill(-holder.pid!, "SIGKILL"); // the tsx wrapper, and whatever the test found alive
    expect(left).toEqual({ grader: false, zygote: false, runner: false, pid1: false });
    expect(armed.filter(alive)).toEqual([]);
  });

  it("is replaced when it dies, and a run that cannot be set up is the grader's fault", async () => {
    const before = sandboxZygotePid()!;
    process.kill(before, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const run = await runPython("print('still grading')\n");
    expect(run.out).toContain("still grading");
    expect(sandboxZygotePid()).not.toBe(before);
    await expect(
      pool.run({
        pythonArgs: ["-c", "print('never runs')"],
        stdin: "",
        readOnlyBinds: [{ host: "/nonexistent/awaitable-folder", sandbox: "/submission" }],
        env: {},
        limits: DEFAULT_SANDBOX_LIMITS,
      }),
    ).rejects.toThrow(/could not be set up/);
    expect(pool.busy).toBe(0);
  });
});

/** A grading through the pool: the judge reads the job; what the submission prints comes back as stdout. */
async function grading(submission: string, tests: string) {
  const job = {
    mode: "grade", clock: "virtual", cpu: "free", io: null, limits: { ...DEFAULT_LIMITS, wallSeconds: 10 },
    submission: { name: "submission.py", source: submission },
    exercise: { id: "00000000-0000-4000-8000-000000000000", slug: "hostile", scenarios: null, tests },
  };
  const outcome = await pool.run({ kind: "grade", pythonArgs: [], stdin: JSON.stringify(job), readOnlyBinds: [], env: { PATH: "/usr/bin" }, limits: DEFAULT_SANDBOX_LIMITS });
  await pool.settled();
  // (While other runs hold slots, the next run may already be in this one.)
  if (pool.busy === 0) await expectNothingLeft(outcome);
  const text = (output: SandboxOutcome["stdout"]) => Buffer.concat([output.head, output.tail]).toString();
  const channel = outcome.channel.toString();
  return { ...outcome, out: text(outcome.stdout), result: JSON.parse(channel.slice(channel.indexOf("\n") + 1)) as Record<string, unknown> };
}

const RUN_MAIN = `from awaitable.testing import test\n\n@test("runs", zh="运行", en="runs")\ndef runs(t):\n    t.measure(t.function("main"))\n`;

describe("a grading: the judge and the student's processes", { timeout: 30_000 }, () => {
  it("the student's processes see neither the judge nor the job, and can signal none of the judge's", async () => {
    const secret = `job-secret-${randomBytes(8).toString("hex")}`;
    const submission = [
      "import json, os, signal",
      "def main():",
      "    seen = {}",
      "    for pid in sorted(int(p) for p in os.listdir('/proc') if p.isdigit()):",
      "        status = dict(l.split(':', 1) for l in open(f'/proc/{pid}/status').read().splitlines() if ':' in l)",
      "        readable = {}",
      "        for what in ('cmdline', 'environ', 'maps'):",
      "            try:",
      "                readable[what] = open(f'/proc/{pid}/{what}', 'rb').read(4096).decode('latin1')",
      "            except OSError as error:",
      "                readable[what] = type(error).__name__",
      "        seen[pid] = {'uid': status['Uid'].split()[0], 'name': status['Name'].strip(), 'readable': readable}",
      "    print(json.dumps({'pids': seen, 'stdin': os.read(0, 100).decode('latin1')}))",
    ].join("\n");
    const run = await grading(submission, `${RUN_MAIN}# ${secret}\n`);
    expect(run.result.verdict).toBe("PASSED");
    const seen = JSON.parse(run.out.trim().split("\n").pop()!) as { pids: Record<string, { uid: string; readable: Record<string, string> }>; stdin: string };
    const studentUid = String(uidBase + run.slot);
    // Only the student's own namespace: its host (pid 1) and itself, both of the student's uid.
    expect(Object.keys(seen.pids).map(Number)).toEqual([1, 2]);
    for (const info of Object.values(seen.pids)) expect(info.uid).toBe(studentUid);
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect(JSON.stringify(seen)).not.toContain("from awaitable.testing");
    expect(seen.stdin).toBe("");
  });

  it("no process of a run can read its own memory, or its host's (every one is non-dumpable)", async () => {
    const run = await runPython(
      "import os\nfor path in ('/proc/self/mem', '/proc/1/mem'):\n    try:\n        open(path, 'rb').read(1)\n        print(path, 'read')\n    except OSError as error:\n        print(path, type(error).__name__)\n",
    );
    expect(run.out).toContain("/proc/self/mem PermissionError");
    expect(run.out).toContain("/proc/1/mem PermissionError");
  });

  it("a daemon, a fork and a thread left by the student end with the grading", async () => {
    const submission = [
      "import os, threading, time",
      "def main():",
      "    if os.fork() == 0:",
      "        os.setsid()",
      "        time.sleep(1000)",
      "    threading.Thread(target=time.sleep, args=(1000,), daemon=True).start()",
    ].join("\n");
    const run = await grading(submission, RUN_MAIN);
    // (expectNothingLeft, in grading(), found no process of the student's or the judge's uid.)
    expect(["PASSED", "FAILED", "TIME_LIMIT"]).toContain(run.result.verdict);
  });
});

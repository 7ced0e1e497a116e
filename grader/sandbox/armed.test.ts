// Armed gradings (grader/CONTRACT.md, "The sandbox"): after a grading, the
// slot's next grading waits with its pid 1 and the student's host already
// set up, as root and holding nothing of a run; the next grading that fits
// runs on them, anything else on a runner armed afresh, and whatever
// happens to them, the slot stays clean.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, runHarness, type LoadedExercise } from "../run-harness";
import { sandboxedSpawner } from "../spawn";
import { DEFAULT_SANDBOX_LIMITS } from "./limits";
import { checkSandbox, SandboxPool } from "./sandbox";
import { fitsTemplate, type GradingTemplate, type ZygoteRequest } from "./zygote";

const pool = new SandboxPool(1);
const spawner = sandboxedSpawner(pool);
const uidBase = Number(process.env.SANDBOX_UID_BASE ?? "61000");
let exercise: LoadedExercise;
let solution: string;

beforeAll(async () => {
  const check = await checkSandbox(pool);
  if (!check.ok) throw new Error(`the sandbox is not usable here: ${check.problems.join("; ")}`);
  exercise = await loadExercise("gather-three-users");
  solution = readFileSync(path.join(exercise.directory, "solution.py"), "utf8");
});

const grade = (code: string, limits = {}) => runHarness({ mode: "grade", submissionCode: code, exercise, limits }, { spawner });
const status = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
};
const field = (pid: number, name: string) =>
  status(pid)
    .split("\n")
    .find((line) => line.startsWith(`${name}:`))
    ?.split(/\s+/)
    .slice(1) ?? [];
const alive = (pid: number) => status(pid) !== "" && field(pid, "State")[0] !== "Z";
async function idle() {
  await pool.settled();
  const slots = await pool.idleSlots();
  expect(slots).toHaveLength(1);
  return slots[0]!;
}
async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("armed gradings", () => {
  it("wait after a grading as a runner, a pid 1 and a student's host, root, in nested pid namespaces, alone in the slot", async () => {
    expect((await grade(solution)).verdict).toBe("PASSED");
    const slot = await idle();
    expect(slot.armed).toHaveLength(3);
    expect([...slot.present].sort()).toEqual([...slot.armed].sort());
    const [runner, pid1, host] = slot.armed as [number, number, number];
    expect(field(pid1, "PPid")).toEqual([String(runner)]);
    expect(field(host, "PPid")).toEqual([String(pid1)]);
    expect(field(pid1, "NSpid")).toEqual([String(pid1), "1"]);
    expect(field(host, "NSpid")).toEqual([String(host), "2", "1"]);
    // Nothing of a run yet: its uids come with its request.
    for (const pid of slot.armed) expect(field(pid, "Uid")[0]).toBe("0");
  });

  it("run the next grading: its pid 1 becomes the judge", { timeout: 30_000 }, async () => {
    expect((await grade(solution)).verdict).toBe("PASSED");
    const before = await idle();
    expect(before.armed).toHaveLength(3);
    const [, pid1, host] = before.armed as [number, number, number];
    // A grading that takes real time (a CPU loop), to look at it meanwhile.
    const running = grade("while True:\n    pass\n", { cpuSeconds: 1, wallSeconds: 3 });
    await until(() => field(pid1, "Uid")[0] === String(uidBase + 1000 + before.slot), "the armed pid 1 is the judge");
    await until(() => field(host, "Uid")[0] === String(uidBase + before.slot), "the armed host has the student's uid");
    const result = await running;
    expect(result.verdict).toBe("TIME_LIMIT");
    const after = await idle();
    for (const pid of before.armed) expect(alive(pid)).toBe(false);
    expect(after.armed).toHaveLength(3);
    expect((await grade(solution)).verdict).toBe("PASSED");
  });

  it("are not given a run they were not armed for (a program, another tmpMb): it gets a runner of its own", async () => {
    const before = await idle();
    const program = await pool.run({
      pythonArgs: ["-c", "print('a program')"],
      stdin: "",
      readOnlyBinds: [],
      env: { PATH: "/usr/bin" },
      limits: DEFAULT_SANDBOX_LIMITS,
    });
    expect(Buffer.concat([program.stdout.head, program.stdout.tail]).toString()).toBe("a program\n");
    for (const pid of before.armed) expect(alive(pid)).toBe(false);
    expect((await grade(solution, { tmpMb: DEFAULT_SANDBOX_LIMITS.tmpMb + 1 })).verdict).toBe("PASSED");
    expect((await grade(solution)).verdict).toBe("PASSED");
    const after = await idle();
    expect([...after.present].sort()).toEqual([...after.armed].sort());
  });

  it("go with their runner, and the next grading is set up afresh", async () => {
    const before = await idle();
    process.kill(before.armed[0]!, "SIGKILL");
    await until(() => !before.armed.some(alive), "the armed processes are gone");
    expect((await grade(solution)).verdict).toBe("PASSED");
    const after = await idle();
    expect([...after.present].sort()).toEqual([...after.armed].sort());
  });

  it("survive a fork bomb in the run beside them, or are replaced: the next grading passes", async () => {
    const bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n";
    const result = await grade(bomb);
    expect(result.score).toBe(0);
    expect((await grade(solution)).verdict).toBe("PASSED");
    const after = await idle();
    expect([...after.present].sort()).toEqual([...after.armed].sort());
  });
});

describe("fitsTemplate", () => {
  const template: GradingTemplate = {
    kind: "grade",
    uid: 61000,
    judgeUid: 62000,
    env: { LANG: "C.UTF-8", PATH: "/usr/bin" },
    binds: [],
    limits: { tmpMb: 16 },
    runtime: { clock: "virtual", cpu: "free" },
  };
  const request: ZygoteRequest = {
    kind: "grade",
    args: [],
    env: { LANG: "C.UTF-8", PATH: "/usr/bin" },
    binds: [],
    stdin: Buffer.from(""),
    uid: 61000,
    judgeUid: 62000,
    cgroupProcs: [],
    limits: { cpuSeconds: 10, fileSizeMb: 16, openFiles: 64, processes: 32, tmpMb: 16 },
    runtime: { clock: "virtual", cpu: "free" },
  };

  it("takes a grading of the slot's kind, with other limits", () => {
    expect(fitsTemplate(request, template)).toBe(true);
    expect(fitsTemplate({ ...request, limits: { ...request.limits, cpuSeconds: 2, processes: 4 } }, template)).toBe(true);
  });

  it("refuses a program, another uid, environment, bind, tmpMb, clock or CPU accounting", () => {
    const others: ZygoteRequest[] = [
      { ...request, kind: "program" },
      { ...request, uid: 61001 },
      { ...request, judgeUid: 62001 },
      { ...request, env: { ...request.env, HOME: "/tmp" } },
      { ...request, env: { PATH: "/usr/bin", LANG: "C.UTF-8" } },
      { ...request, binds: [{ host: "/srv", sandbox: "/srv" }] },
      { ...request, limits: { ...request.limits, tmpMb: 32 } },
      { ...request, runtime: { clock: "wall", cpu: "free" } },
      { ...request, runtime: { clock: "virtual", cpu: "charged" } },
      { ...request, runtime: undefined },
    ];
    for (const other of others) expect(fitsTemplate(other, template)).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { Supervisor, type Backoff } from "./supervisor";

const node = process.execPath;
const FAST: Backoff = { initialMs: 5, maxMs: 40, stableAfterMs: 60_000, giveUpAfter: 4 };
const running: Supervisor[] = [];

function supervisor(backoff: Backoff = FAST) {
  const lines: string[] = [];
  const output: string[] = [];
  const gaveUp: string[] = [];
  const instance = new Supervisor({
    log: (line) => lines.push(line),
    output: (name, stream, line) => output.push(`${name}/${stream}: ${line}`),
    onGiveUp: (name) => gaveUp.push(name),
    backoff,
    stopGraceMs: 2_000,
  });
  running.push(instance);
  return { instance, lines, output, gaveUp };
}

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((instance) => instance.stop()));
});

describe("Supervisor", () => {
  it("restarts a process killed with SIGKILL and leaves the other one running", async () => {
    const { instance, lines } = supervisor();
    const forever = ["-e", "setInterval(() => {}, 1000)"];
    instance.start({ name: "web", command: node, args: forever, env: process.env });
    instance.start({ name: "worker", command: node, args: forever, env: process.env });
    const web = instance.pid("web");
    const first = instance.pid("worker");
    process.kill(first!, "SIGKILL");
    await vi.waitFor(() => expect(instance.restarts("worker")).toBe(1), { timeout: 10_000 });
    expect(instance.pid("worker")).not.toBe(first);
    expect(alive(instance.pid("worker"))).toBe(true);
    expect(instance.pid("web")).toBe(web);
    expect(instance.restarts("web")).toBe(0);
    expect(lines.join("\n")).toMatch(/the worker process exited \(SIGKILL\); restarting it in 5 ms \(restart 1\)/);
    expect(lines.join("\n")).toMatch(/restarted the worker process \(pid \d+\)/);
  });

  it("doubles the delay while a process keeps dying, up to the maximum, then gives up", async () => {
    const { instance, lines, gaveUp } = supervisor();
    instance.start({ name: "web", command: node, args: ["-e", "process.exit(3)"], env: process.env });
    await vi.waitFor(() => expect(gaveUp).toEqual(["web"]), { timeout: 10_000 });
    const delays = lines.filter((line) => line.includes("restarting it in")).map((line) => /in (\d+) ms/.exec(line)?.[1]);
    expect(delays).toEqual(["5", "10", "20"]);
    expect(lines.at(-1)).toMatch(/the web process exited \(exit code 3\) 4 times in a row soon after starting; giving up/);
    expect(instance.restarts("web")).toBe(3);
  });

  it("starts the backoff over once a process has stayed up", async () => {
    const { instance, lines } = supervisor({ ...FAST, stableAfterMs: 0 });
    instance.start({ name: "worker", command: node, args: ["-e", "setTimeout(() => process.exit(1), 20)"], env: process.env });
    await vi.waitFor(() => expect(instance.restarts("worker")).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    const delays = new Set(lines.filter((line) => line.includes("restarting it in")).map((line) => /in (\d+) ms/.exec(line)?.[1]));
    expect([...delays]).toEqual(["5"]);
  });

  it("passes each line of output on, and stops every process group, restarting nothing", async () => {
    const { instance, output, lines } = supervisor();
    const script = [
      "const { spawn } = require('node:child_process');",
      "spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      "console.log('ready'); console.error('warned');",
      "setInterval(() => {}, 1000);",
    ].join("\n");
    instance.start({ name: "web", command: node, args: ["-e", script], env: process.env });
    await vi.waitFor(() => expect(output).toEqual(expect.arrayContaining(["web/stdout: ready", "web/stderr: warned"])), { timeout: 10_000 });
    const pid = instance.pid("web")!;
    await instance.stop();
    expect(alive(pid)).toBe(false);
    // Its own child went with the group (once init has reaped it).
    await vi.waitFor(() => expect(() => process.kill(-pid, 0)).toThrow(), { timeout: 10_000 });
    expect(lines.some((line) => line.includes("restarting"))).toBe(false);
  });
});

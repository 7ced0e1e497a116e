/** Real grader worker processes for pipeline tests. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type RunningWorker = { process: ChildProcess; output: () => string };

export function startWorker(environment: Record<string, string> = {}): RunningWorker {
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["grader/worker.ts"], {
    env: { ...process.env, GRADER_CONCURRENCY: "2", WORKER_HEARTBEAT_SECONDS: "1", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the worker in a child process, and a
    // SIGKILL must reach that one too, as when a machine dies.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

export function killHard(worker: ChildProcess) {
  try {
    if (worker.pid) process.kill(-worker.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export function isRunning(worker: ChildProcess): boolean {
  return worker.exitCode === null && worker.signalCode === null;
}

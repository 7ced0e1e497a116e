// A grader stand-in for the sandbox tests: starts a run that sleeps, prints
// its own pid and those of its zygote, runner, the run's pid 1 and the
// runners armed for later runs as one JSON line, and
// waits to be killed.
import { readFileSync } from "node:fs";
import { DEFAULT_SANDBOX_LIMITS } from "../../grader/sandbox/limits";
import { SandboxPool, sandboxZygotePid } from "../../grader/sandbox/sandbox";

const children = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);

const pool = new SandboxPool(1);
void pool.run({
  pythonArgs: ["-c", "import time; time.sleep(60)"],
  stdin: "",
  readOnlyBinds: [],
  env: {},
  limits: { ...DEFAULT_SANDBOX_LIMITS, wallSeconds: 90 },
});
const timer = setInterval(() => {
  const zygote = sandboxZygotePid();
  if (zygote === undefined) return;
  // The run's runner has its pid 1; the other runner waits, armed, for the slot's next run.
  const runners = children(zygote);
  const runner = runners.find((candidate) => children(candidate).length > 0);
  const [pid1] = runner === undefined ? [] : children(runner);
  if (runner === undefined || pid1 === undefined) return;
  clearInterval(timer);
  const armed = runners.filter((candidate) => candidate !== runner);
  process.stdout.write(`${JSON.stringify({ grader: process.pid, zygote, runner, pid1, armed })}\n`);
}, 50);

// `npx tsx bench/sandbox.ts [runs]`: what the sandbox costs.
// Prints the median real time of a bare Python start and of the same program
// run in a sandbox slot (forked from the zygote, with all of its isolation;
// the difference is what the sandbox adds over a fresh interpreter), and the
// median time of one complete grading of a typical exercise, sandboxed and not,
// with the machine's CPU (every process and the kernel) per sandboxed grading.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadExercise, runHarness } from "../grader/run-harness";
import { DEFAULT_SANDBOX_LIMITS } from "../grader/sandbox/limits";
import { checkSandbox, PYTHON, SandboxPool } from "../grader/sandbox/sandbox";
import { unsandboxedSpawner } from "../grader/spawn";

const runs = Number(process.argv[2] ?? "60");
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;
const format = (values: number[]) =>
  `median ${median(values).toFixed(1)} ms (p10 ${percentile(values, 0.1).toFixed(1)}, p90 ${percentile(values, 0.9).toFixed(1)})`;

async function time(action: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < runs + 5; index += 1) {
    const started = performance.now();
    await action();
    if (index >= 5) samples.push(performance.now() - started); // the first runs warm caches
  }
  return samples;
}

const bare = (args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(PYTHON, args, { stdio: "ignore" });
    child.on("exit", () => resolve());
    child.on("error", reject);
  });

const pool = new SandboxPool(1);
const check = await checkSandbox(pool);
if (!check.ok) throw new Error(check.problems.join("; "));

const pythonArgs = ["-I", "-S", "-c", "pass"];
const bareStart = await time(() => bare(pythonArgs));
const sandboxedStart = await time(() =>
  pool.run({ pythonArgs, stdin: "", readOnlyBinds: [], env: { PATH: "/usr/bin" }, limits: DEFAULT_SANDBOX_LIMITS }),
);
const exercise = await loadExercise("gather-three-users");
const solution = path.join(exercise.directory, "solution.py");
// Machine-wide CPU (all processes and the kernel) while the sandboxed gradings run.
const cpuTicks = () => {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return { busy: user + nice + system + irq + softirq, system };
};
const ticksBefore = cpuTicks();
const gradeSandboxed = await time(() => runHarness({ mode: "grade", submissionPath: solution, exercise }));
const ticksAfter = cpuTicks();
const tickMs = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
const perGrading = (ticks: number) => ((ticks * tickMs) / (runs + 5)).toFixed(1);
const gradeBare = await time(() => runHarness({ mode: "grade", submissionPath: solution, exercise }, { spawner: unsandboxedSpawner }));

console.log(`runs per figure: ${runs} (after 5 warm-up runs), cgroups ${check.cgroups}`);
console.log(`bare python3 -I -S -c pass         ${format(bareStart)}`);
console.log(`same, in a sandbox slot            ${format(sandboxedStart)}`);
console.log(`added by the sandbox per run       ${(median(sandboxedStart) - median(bareStart)).toFixed(1)} ms (target < 15 ms)`);
console.log(`grade gather-three-users, sandbox  ${format(gradeSandboxed)}`);
console.log(
  `  machine CPU per sandboxed grading ${perGrading(ticksAfter.busy - ticksBefore.busy)} ms (kernel ${perGrading(ticksAfter.system - ticksBefore.system)} ms)`,
);
console.log(`grade gather-three-users, bare     ${format(gradeBare)}`);

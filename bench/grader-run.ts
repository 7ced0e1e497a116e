/**
 * Benchmark of the grader's virtual clock on the seed examples
 * (grader/golden/seed*): npx tsx bench/grader-run.ts [--repeats 20] [--skip-wall]
 *
 * 1. Real time to run each seed example under the virtual clock, against
 *    running it on the wall clock (plain `python3 file.py` when it needs no
 *    fake library, the harness with --clock wall otherwise), and whether both
 *    print the same output in the same order.
 * 2. The spread of N repeated virtual runs of every example while two
 *    CPU-burning processes run: verdicts, durations and output must be
 *    identical every time.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PYTHON, runHarness } from "../grader/run-harness";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const goldenDirectory = path.join(root, "grader", "golden");
const argumentsGiven = process.argv.slice(2);
const repeats = Number(argumentsGiven[argumentsGiven.indexOf("--repeats") + 1] ?? 20) || 20;
const skipWall = argumentsGiven.includes("--skip-wall");

type Seed = { name: string; file: string; verdict: string; elapsed: number | undefined; usesFakes: boolean };

const seeds: Seed[] = readdirSync(goldenDirectory)
  .filter((name) => name.startsWith("seed"))
  .sort()
  .map((name) => {
    const spec = JSON.parse(readFileSync(path.join(goldenDirectory, name, "case.json"), "utf8")) as {
      expect: { verdict?: string; elapsed?: number };
    };
    const file = path.join(goldenDirectory, name, "submission.py");
    const source = readFileSync(file, "utf8");
    return {
      name,
      file,
      verdict: spec.expect.verdict ?? "?",
      elapsed: spec.expect.elapsed,
      usesFakes: /^import (aiohttp|requests|aiofiles)/m.test(source),
    };
  });

async function virtualRun(seed: Seed) {
  const started = performance.now();
  const result = await runHarness({ mode: "run", submissionPath: seed.file });
  return { result, realMs: performance.now() - started };
}

async function wallRun(seed: Seed): Promise<{ realMs: number; stdout: string; how: string }> {
  const started = performance.now();
  if (!seed.usesFakes) {
    const plain = spawnSync(PYTHON, ["-I", "-B", seed.file], { encoding: "utf8", cwd: path.dirname(seed.file), timeout: 60_000 });
    return { realMs: performance.now() - started, stdout: plain.stdout, how: "python3" };
  }
  const result = await runHarness({ mode: "run", submissionPath: seed.file, clock: "wall" });
  return { realMs: performance.now() - started, stdout: result.stdout, how: "harness --clock wall" };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const format = (value: number) => value.toFixed(1).padStart(8);

async function main(): Promise<void> {
  console.log(`grader-run benchmark — ${new Date().toISOString()} — ${seeds.length} seed examples, node ${process.version}`);
  console.log(`\n1. Virtual clock vs wall clock (real milliseconds)`);
  console.log(`${"example".padEnd(36)} ${"verdict".padEnd(12)} ${"elapsed".padStart(8)} ${"virtual".padStart(8)} ${"wall".padStart(9)}  same output`);
  let virtualTotal = 0;
  let wallTotal = 0;
  for (const seed of seeds) {
    const { result, realMs } = await virtualRun(seed);
    virtualTotal += realMs;
    // Examples that never end (deadlock, endless recursion) cannot be run on the wall clock.
    const runnableOnWall = !skipWall && result.verdict !== "TIME_LIMIT" && (result.elapsed ?? 0) <= 10;
    let wallText = "   (skip)";
    let same = "—";
    if (runnableOnWall) {
      const wall = await wallRun(seed);
      wallTotal += wall.realMs;
      wallText = format(wall.realMs);
      // Durations printed with two decimals differ on the wall clock (2.00 vs 2.01).
      const strip = (text: string) => text.replace(/\d+\.\d+/g, "#").replace(/0x[0-9a-f]+/g, "0x");
      same = strip(wall.stdout) === strip(result.stdout) ? "yes" : `NO (${wall.how})`;
    } else if (!skipWall && (result.elapsed ?? 0) > 10) {
      wallText = `~${(result.elapsed ?? 0) * 1000}`.padStart(9);
      wallTotal += (result.elapsed ?? 0) * 1000;
    }
    console.log(`${seed.name.padEnd(36)} ${result.verdict.padEnd(12)} ${String(result.elapsed).padStart(8)} ${format(realMs)} ${wallText}  ${same}`);
  }
  console.log(`${"total".padEnd(36)} ${"".padEnd(12)} ${"".padStart(8)} ${format(virtualTotal)} ${skipWall ? "" : format(wallTotal)}`);

  console.log(`\n2. ${repeats} repeated virtual runs of every example with two CPU-burning processes running`);
  const burners: ChildProcess[] = [0, 1].map(() => spawn(PYTHON, ["-c", "while True: pass"], { stdio: "ignore" }));
  try {
    let allIdentical = true;
    const rows: string[] = [];
    for (const seed of seeds) {
      const outcomes = new Set<string>();
      const times: number[] = [];
      for (let index = 0; index < repeats; index += 1) {
        const { result, realMs } = await virtualRun(seed);
        times.push(realMs);
        outcomes.add(JSON.stringify([result.verdict, result.elapsed, result.stdout.replace(/0x[0-9a-f]+/g, "0x")]));
      }
      const identical = outcomes.size === 1;
      allIdentical &&= identical;
      const [verdict, elapsed] = JSON.parse([...outcomes][0] ?? "[]") as [string, number];
      rows.push(
        `${seed.name.padEnd(36)} ${String(verdict).padEnd(12)} ${String(elapsed).padStart(8)} ${format(Math.min(...times))} ${format(median(times))} ${format(Math.max(...times))}  ${identical ? "identical" : `${outcomes.size} DIFFERENT outcomes`}`,
      );
    }
    console.log(`${"example".padEnd(36)} ${"verdict".padEnd(12)} ${"elapsed".padStart(8)} ${"min ms".padStart(8)} ${"median".padStart(8)} ${"max ms".padStart(8)}  outcome`);
    for (const row of rows) console.log(row);
    console.log(`\nall verdicts, durations and outputs identical across ${repeats} runs under load: ${allIdentical ? "yes" : "NO"}`);
  } finally {
    for (const burner of burners) burner.kill("SIGKILL");
  }
}

await main();

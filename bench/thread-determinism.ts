// `npx tsx bench/thread-determinism.ts [runs] [burners]`: every solution of
// the thread exercises (exercises/asyncio/06-blocking-threads-processes:
// the reference, the other correct ones, the known-wrong ones) and the leftover-thread variants of
// bench/fixtures/thread-determinism/, graded `runs` times each (default 20),
// two gradings at a time, while `burners` processes (default 2) spin on the
// CPU. Prints, per solution, whether every grading gave the same verdict,
// score, and per-test status, misconception and virtual duration.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadExercise, runHarness, type LoadedExercise } from "../grader/run-harness";

const runs = Number(process.argv[2] ?? "20");
const burnerCount = Number(process.argv[3] ?? "2");
const chapter = path.join(process.cwd(), "exercises", "asyncio", "06-blocking-threads-processes");
const fixtures = path.join(process.cwd(), "bench", "fixtures", "thread-determinism");

type Case = { exercise: LoadedExercise; label: string; code: string };
const cases: Case[] = [];
for (const slug of readdirSync(chapter, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
  const exercise = await loadExercise(slug).catch(() => null);
  if (!exercise) continue;
  const directory = exercise.directory;
  cases.push({ exercise, label: `${slug}/solution.py`, code: readFileSync(path.join(directory, "solution.py"), "utf8") });
  for (const folder of ["correct", "wrong"]) {
    const solutions = path.join(directory, folder);
    for (const file of readdirSync(solutions).filter((name) => name.endsWith(".py"))) {
      cases.push({ exercise, label: `${slug}/${folder}/${file}`, code: readFileSync(path.join(solutions, file), "utf8") });
    }
  }
}
const legacy = await loadExercise("legacy-in-executor");
for (const file of readdirSync(fixtures).filter((name) => name.endsWith(".py"))) {
  cases.push({ exercise: legacy, label: `fixture ${file}`, code: readFileSync(path.join(fixtures, file), "utf8") });
}

const burners = Array.from({ length: burnerCount }, () => spawn("/usr/bin/python3", ["-c", "while True: pass"], { stdio: "ignore" }));
const signature = async (item: Case) => {
  const result = await runHarness({ mode: "grade", submissionCode: item.code, exercise: item.exercise });
  return JSON.stringify([result.verdict, result.score, result.tests.map((test) => [test.id, test.status, test.misconception, test.duration])]);
};
let identical = 0;
try {
  for (const item of cases) {
    const seen = new Map<string, number>();
    for (let index = 0; index < runs; index += 2) {
      const pair = await Promise.all([signature(item), signature(item)]);
      for (const key of pair) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    if (seen.size === 1) identical += 1;
    const [first] = seen.keys();
    const verdict = first ? (JSON.parse(first) as [string, number])[0] : "?";
    console.log(`${seen.size === 1 ? "identical " : "DIFFERENT "} ${item.label.padEnd(62)} ${verdict}${seen.size === 1 ? "" : ` ${JSON.stringify([...seen.entries()])}`}`);
  }
} finally {
  for (const burner of burners) burner.kill("SIGKILL");
}
console.log(`${identical}/${cases.length} solutions graded identically ${runs} times (two at a time) with ${burnerCount} CPU burners running`);
process.exit(identical === cases.length ? 0 : 1);

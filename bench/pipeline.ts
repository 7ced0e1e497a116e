// `npx tsx bench/pipeline.ts [--students N] [--each M] [--rate R] [--seconds S] [--poll MS]`
//
// Simulated students against the whole stack (`npm start`: web app + one
// grader worker + PostgreSQL) through the HTTP API, as a browser would:
// sign up, sign in (next-auth), POST /api/submissions, poll
// GET /api/submissions/:id until the verdict. Prints:
//   1. idle: the queue's pickup latency (queued → started) and the
//      submit-to-verdict latency of one submission at a time;
//   2. saturation: N students submitting in a closed loop: verdicts per second;
//   3. a fixed offered rate R for S seconds: p50/p95/p99 submit-to-verdict.
// It starts its own stack on a fresh database (embedded PostgreSQL under
// .data/bench-postgres) unless BENCH_URL points at a running one.
import { readFile } from "node:fs/promises";
import { startStack } from "./support/stack";
import { sleep, summary } from "./support/stats";
import { Student } from "./support/student";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const STUDENTS = argument("students", 20);
const EACH = argument("each", 10);
const RATE = argument("rate", 30);
const SECONDS = argument("seconds", 20);
/** How often a waiting student asks for the status (the exercise page polls every 400 ms). */
const POLL_MS = argument("poll", 250);
const PORT = 3400;

const stack = await startStack(PORT);
try {
  const code = await readFile("exercises/asyncio/02-concurrency/gather-three-users/solution.py", "utf8");
  const students = Array.from({ length: STUDENTS }, (_, index) => new Student(stack.base, `bench-${Date.now()}-${index}@example.org`));
  for (const student of students) await student.signUpAndIn("bench password");
  const first = students[0]!;

  // 1. Idle: one submission at a time.
  await first.submitAndWait(code, 10); // warm-up: the first grading starts the sandbox
  const idle = [];
  for (let index = 0; index < 30; index += 1) idle.push(await first.submitAndWait(code, 10));
  if (idle.some((run) => run.verdict !== "PASSED")) throw new Error("an idle run was not PASSED");

  // 2. Saturation: every student submits, waits for the verdict, submits again.
  const saturationStart = performance.now();
  const saturated = (await Promise.all(students.map(async (student) => {
    const runs = [];
    for (let index = 0; index < EACH; index += 1) runs.push(await student.submitAndWait(code, POLL_MS));
    return runs;
  }))).flat();
  const saturationSeconds = (performance.now() - saturationStart) / 1000;

  // 3. An offered rate: RATE submissions a second for SECONDS seconds, spread over the students.
  const offered: Promise<Awaited<ReturnType<Student["submitAndWait"]>>>[] = [];
  const rateStart = performance.now();
  for (let index = 0; index < RATE * SECONDS; index += 1) {
    const due = rateStart + (index * 1000) / RATE;
    await sleep(Math.max(0, due - performance.now()));
    offered.push(students[index % students.length]!.submitAndWait(code, POLL_MS));
  }
  const atRate = await Promise.all(offered);
  const rateSeconds = (performance.now() - rateStart) / 1000;

  console.log(`pipeline bench: ${STUDENTS} students, stack at ${stack.base} (web + 1 worker, GRADER_CONCURRENCY=${process.env.GRADER_CONCURRENCY ?? "cores"})`);
  console.log(`1. idle, one at a time (30 runs, polled every 10 ms)`);
  console.log(`   queue pickup (queued → started, server clock)   ${summary(idle.map((run) => run.pickupMs))}`);
  console.log(`   submit → verdict (server: queued → finished)    ${summary(idle.map((run) => run.serverMs))}`);
  console.log(`   submit → verdict (client, incl. HTTP + polling) ${summary(idle.map((run) => run.clientMs))}`);
  console.log(`2. saturation: ${STUDENTS} students × ${EACH} submissions in a closed loop, polling every ${POLL_MS} ms`);
  console.log(`   ${saturated.length} verdicts in ${saturationSeconds.toFixed(1)} s = ${(saturated.length / saturationSeconds).toFixed(1)} verdicts/s`);
  console.log(`   submit → verdict (client) ${summary(saturated.map((run) => run.clientMs))}`);
  console.log(`3. offered rate ${RATE}/s for ${SECONDS} s`);
  console.log(`   ${atRate.length} verdicts in ${rateSeconds.toFixed(1)} s = ${(atRate.length / rateSeconds).toFixed(1)} verdicts/s sustained`);
  console.log(`   submit → verdict (client) ${summary(atRate.map((run) => run.clientMs))}`);
  console.log(`   submit → verdict (server) ${summary(atRate.map((run) => run.serverMs))}`);
} finally {
  await stack.stop();
}

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
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createTestDatabase, startTestServer } from "../tests/support/test-database";

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
const EXERCISE_ID = "3b0f6c1e-6a52-4f0e-9f0b-5b1c2d7e8a01";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? Number.NaN;
};
const summary = (values: number[]) =>
  `p50 ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms, p99 ${percentile(values, 0.99).toFixed(0)} ms (n=${values.length})`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

class Student {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string, readonly email: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), value.join("="));
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(url: string, init: RequestInit = {}) {
    const response = await fetch(`${this.base}${url}`, { ...init, redirect: "manual", headers: { ...init.headers, cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async signUpAndIn(password: string) {
    const created = await this.fetch("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: this.email, password }),
    });
    if (created.status !== 201) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedIn = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: this.email, password, json: "true" }),
    });
    if (![200, 302].includes(signedIn.status) || ![...this.cookies.keys()].some((name) => name.includes("session-token"))) {
      throw new Error(`sign-in failed: ${signedIn.status}`);
    }
  }

  /** Submits and polls until the verdict; returns client-side and server-side timings. */
  async submitAndWait(code: string, pollMs: number) {
    const started = performance.now();
    const response = await this.fetch("/api/submissions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ exerciseId: EXERCISE_ID, code }),
    });
    if (response.status !== 202) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
    const { submission } = (await response.json()) as { submission: { id: string } };
    for (;;) {
      await sleep(pollMs);
      const polled = (await (await this.fetch(`/api/submissions/${submission.id}`)).json()) as {
        submission: { status: string; verdict: string; queuedAt: string; startedAt: string | null; finishedAt: string | null };
      };
      if (polled.submission.status === "DONE") {
        const queuedAt = Date.parse(polled.submission.queuedAt);
        return {
          verdict: polled.submission.verdict,
          clientMs: performance.now() - started,
          pickupMs: Date.parse(polled.submission.startedAt ?? "") - queuedAt,
          serverMs: Date.parse(polled.submission.finishedAt ?? "") - queuedAt,
        };
      }
    }
  }
}

async function startStack(): Promise<{ base: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_URL) return { base: process.env.BENCH_URL, stop: async () => undefined };
  process.env.TEST_EMBEDDED_POSTGRES_PORT ??= "54349";
  const server = await startTestServer();
  const database = await createTestDatabase(server.adminUrl, { migrate: false });
  const stack: ChildProcess = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(PORT),
      NEXTAUTH_SECRET: "bench-secret-0123456789abcdefghijklmnopqrstuv",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      SUBMISSIONS_PER_MINUTE: "100000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://localhost:${PORT}`;
  for (let attempt = 0; ; attempt += 1) {
    const healthy = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (attempt > 600) throw new Error("the stack did not become healthy in 5 minutes");
    await sleep(500);
  }
  return {
    base,
    stop: async () => {
      if (stack.pid) process.kill(-stack.pid, "SIGTERM");
      await new Promise((resolve) => stack.once("exit", resolve));
      await database.drop();
      await server.embedded?.stop();
    },
  };
}

const stack = await startStack();
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

// `npx tsx bench/web.ts [--users N] [--seconds S] [--think MS] [--clicks C]`
//
// The web app as students feel it, against the whole stack (`npm start` on a
// fresh database, or BENCH_URL). Prints:
//   1. first-load JS of the main pages: every <script src> the server-rendered
//      HTML loads, gzipped as `next start` serves it (budget: < 300 KB each),
//      and every script Chromium fetches until the page is idle (the editor's
//      chunk, loaded after hydration, included);
//   2. N signed-in students (default 50) browsing for S seconds, each
//      pausing MS between pages (default 0: a closed loop) — course map, an
//      exercise, a lesson, a quiz, their progress, a submission's JSON —
//      p50/p95/p99 per page and overall;
//   3. click → verdict in Chromium: a student's Submit click on the exercise
//      page until the verdict is on screen (Server-Sent Events), C times, p50.
// Figures depend on the machine: record them in docs/benchmarks.md with the
// machine's load, never assert them in a test.
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { chromium } from "@playwright/test";
import { startStack } from "./support/stack";
import { percentile, sleep, summary } from "./support/stats";
import { GATHER_EXERCISE_ID, Student } from "./support/student";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const USERS = argument("users", 50);
const SECONDS = argument("seconds", 20);
const CLICKS = argument("clicks", 20);
/** A student's pause between two pages (0: a closed loop, the stress case). */
const THINK_MS = argument("think", 0);
const PORT = 3410;

const PAGES = [
  { name: "course map /", url: "/" },
  { name: "exercise", url: "/exercises/gather-three-users" },
  { name: "lesson", url: "/lessons/lesson-coroutines" },
  { name: "quiz", url: "/quizzes/quiz-coroutines" },
  { name: "my progress", url: "/progress" },
];

async function firstLoadJs(student: Student, url: string): Promise<{ files: number; gzipBytes: number }> {
  const html = await (await student.fetch(url)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&")))];
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await student.fetch(source)).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { files: sources.length, gzipBytes };
}

const stack = await startStack(PORT, { RUNS_PER_MINUTE: "100000" });
try {
  const solution = await readFile("exercises/asyncio/02-concurrency/gather-three-users/solution.py", "utf8");
  const students = Array.from({ length: USERS }, (_, index) => new Student(stack.base, `web-${Date.now()}-${index}@example.org`));
  for (const student of students) await student.signUpAndIn("bench password");
  const first = students[0]!;
  // Something to show: a graded submission for every student's history.
  const graded = await first.submitAndWait(solution, 20);
  const submissionIds = await Promise.all(
    students.map(async (student) => {
      const response = await student.fetch("/api/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exerciseId: GATHER_EXERCISE_ID, code: solution }),
      });
      return ((await response.json()) as { submission: { id: string } }).submission.id;
    }),
  );

  console.log(`web bench: stack at ${stack.base}, ${USERS} students; a grading took ${graded.clientMs.toFixed(0)} ms client-side`);
  console.log("1. first-load JS (gzip), signed in");
  for (const page of PAGES) {
    const { files, gzipBytes } = await firstLoadJs(first, page.url);
    console.log(`   ${page.name.padEnd(14)} ${(gzipBytes / 1024).toFixed(1).padStart(6)} KB in ${files} files ${gzipBytes < 300 * 1024 ? "(under 300 KB)" : "(OVER the 300 KB budget)"}`);
  }

  const latencies = new Map<string, number[]>();
  const failures: string[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    students.map(async (student, index) => {
      const urls = [...PAGES.map((page) => page), { name: "submission JSON", url: `/api/submissions/${submissionIds[index]}` }];
      for (let step = index; performance.now() < deadline; step += 1) {
        const page = urls[step % urls.length]!;
        const started = performance.now();
        const response = await student.fetch(page.url);
        await response.arrayBuffer();
        const elapsed = performance.now() - started;
        if (response.status !== 200) failures.push(`${page.url} ${response.status}`);
        latencies.set(page.name, [...(latencies.get(page.name) ?? []), elapsed]);
        if (THINK_MS > 0) await sleep(THINK_MS);
      }
    }),
  );
  const all = [...latencies.values()].flat();
  console.log(`2. ${USERS} students browsing for ${SECONDS} s, ${THINK_MS} ms between pages: ${all.length} requests = ${(all.length / SECONDS).toFixed(1)}/s, ${failures.length} not 200`);
  for (const [name, values] of latencies) console.log(`   ${name.padEnd(16)} ${summary(values)}`);
  console.log(`   ${"all".padEnd(16)} ${summary(all)}`);
  if (failures.length > 0) console.log(`   failures: ${[...new Set(failures)].slice(0, 5).join(", ")}`);

  // The submit API under the same 50 students, each submitting once a second
  // (the worker grades meanwhile, on the same cores): the POST's own latency.
  const posts: number[] = [];
  let refused = 0;
  const postDeadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    students.map(async (student) => {
      while (performance.now() < postDeadline) {
        const started = performance.now();
        const response = await student.fetch("/api/submissions", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ exerciseId: GATHER_EXERCISE_ID, code: solution }),
        });
        await response.arrayBuffer();
        posts.push(performance.now() - started);
        if (response.status !== 202) refused += 1;
        await sleep(1000);
      }
    }),
  );
  console.log(`   submit API (POST /api/submissions, each student once a second) ${summary(posts)}, ${refused} not 202`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ baseURL: stack.base });
    const host = new URL(stack.base).hostname;
    await context.addCookies([...first.cookies].map(([name, value]) => ({ name, value, domain: host, path: "/" })));
    await first.fetch(`/api/drafts/${GATHER_EXERCISE_ID}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: solution }),
    });
    const page = await context.newPage();
    console.log("   every script Chromium fetches until idle (gzip):");
    for (const target of PAGES) {
      const scripts = new Map<string, number>();
      const listener = async (response: import("@playwright/test").Response) => {
        if (response.request().resourceType() !== "script") return;
        const body = await response.body().catch(() => null);
        if (body) scripts.set(response.url(), gzipSync(body).length);
      };
      page.on("response", listener);
      await page.goto(target.url, { waitUntil: "networkidle" });
      page.off("response", listener);
      const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
      console.log(`   ${target.name.padEnd(14)} ${(total / 1024).toFixed(1).padStart(6)} KB in ${scripts.size} files`);
    }
    await page.goto("/exercises/gather-three-users");
    const clicks: number[] = [];
    for (let index = 0; index < CLICKS + 1; index += 1) {
      const entries = await page.getByTestId("history-entry").count();
      const started = performance.now();
      await page.getByRole("button", { name: /^(提交|Submit)$/ }).click();
      // Done when the new attempt heads the history with its verdict and the banner shows it.
      await page.waitForFunction((count) => {
        const rows = document.querySelectorAll('[data-testid="history-entry"]');
        return rows.length > count && !rows[0]?.querySelector(".verdict-pending") && document.querySelector('[data-testid="submission-result"] [data-testid="verdict"]') !== null;
      }, entries, { polling: "raf" });
      if (index > 0) clicks.push(performance.now() - started); // the first warms the page's stream
      await page.waitForTimeout(50);
    }
    console.log(`3. click Submit → verdict on screen (Chromium, SSE): p50 ${percentile(clicks, 0.5).toFixed(0)} ms, p95 ${percentile(clicks, 0.95).toFixed(0)} ms (n=${clicks.length})`);
  } finally {
    await browser.close();
  }
} finally {
  await stack.stop();
}

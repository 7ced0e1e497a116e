// The grading pipeline end to end: the API writes a submission and its job
// in one transaction, real worker processes grade it in the real sandbox,
// and the verdict, the tests and the progress land together.
import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/submissions/route";
import { POST as regrade } from "@/app/api/exercises/[id]/regrade/route";
import { GET as getSubmissionRoute } from "@/app/api/submissions/[id]/route";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";
import { createUser } from "@/lib/users/create-user";
import { enqueueGrading } from "@/lib/submissions/create-submission";
import { jsonRequest, routeContext, sessionCookie } from "../support/requests";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";
import { seedClass } from "../support/teaching";
import { isRunning, killHard, startWorker as startWorkerProcess, type RunningWorker } from "../support/workers";

const GATHER = GATHER_EXERCISE_ID;
const exerciseDirectory = path.join(process.cwd(), "exercises", "asyncio", "02-concurrency", "gather-three-users");
const workers: ChildProcess[] = [];

function startWorker(): RunningWorker {
  const worker = startWorkerProcess();
  workers.push(worker.process);
  return worker;
}

async function student(name: string) {
  const user = await createUser({ email: `${name}-${crypto.randomUUID()}@example.org`, password: "long enough" });
  return { user, cookie: await sessionCookie(user.id) };
}

async function post(cookie: string | undefined, body: unknown) {
  return submit(jsonRequest("/api/submissions", { body, cookie }), routeContext({}));
}

async function waitForVerdict(submissionId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: submissionId } });
    if (submission.status === "DONE") return submission;
    if (Date.now() > deadline) throw new Error(`no verdict for ${submissionId} within ${timeoutMs} ms (status ${submission.status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  await seedGatherExercise();
});

afterAll(async () => {
  for (const worker of workers) killHard(worker);
});

describe("POST /api/submissions", () => {
  it("refuses bad requests with 400/401/404 and writes nothing", async () => {
    const { cookie } = await student("bad");
    const before = await prisma.submission.count();
    expect((await post(undefined, { exerciseId: GATHER, code: "print(1)" })).status).toBe(401);
    expect((await submit(jsonRequest("/api/submissions", { rawBody: "{oops", cookie }), routeContext({}))).status).toBe(400);
    expect((await post(cookie, { code: "print(1)" })).status).toBe(400);
    expect((await post(cookie, { exerciseId: "not-a-uuid", code: "print(1)" })).status).toBe(400);
    const tooLarge = await post(cookie, { exerciseId: GATHER, code: "x".repeat(64 * 1024 + 1) });
    expect(tooLarge.status).toBe(400);
    expect(JSON.stringify(await tooLarge.json())).toContain("64 KiB");
    expect((await post(cookie, { exerciseId: GATHER, code: "print('\ud800')" })).status).toBe(400);
    for (const code of ["", "   \n\t\n"]) {
      const empty = await post(cookie, { exerciseId: GATHER, code });
      expect(empty.status).toBe(400);
      expect((await empty.json()).error.issues[0].message.en).toContain("The code is empty");
    }
    const nul = await post(cookie, { exerciseId: GATHER, code: "print('a\u0000b')" });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(await nul.json())).toContain("NUL");
    const notUtf8 = await submit(
      jsonRequest("/api/submissions", { rawBody: Buffer.from(`{"exerciseId":"${GATHER}","code":"print('\xff')"}`, "latin1"), cookie }),
      routeContext({}),
    );
    expect(notUtf8.status).toBe(400);
    expect((await notUtf8.json()).error.code).toBe("INVALID_TEXT");
    expect((await post(cookie, { exerciseId: crypto.randomUUID(), code: "print(1)" })).status).toBe(404);
    expect(await prisma.submission.count()).toBe(before);
  });

  it("refuses what a cross-site form or fetch would send, and writes nothing", async () => {
    const { cookie } = await student("csrf");
    const before = await prisma.submission.count();
    const body = JSON.stringify({ exerciseId: GATHER, code: "pass" });
    const send = (headers: Record<string, string>) => submit(jsonRequest("/api/submissions", { rawBody: body, cookie, headers }), routeContext({}));
    const foreign = await send({ origin: "https://evil.test" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message["zh-CN"]).toContain("其他网站");
    expect((await send({ origin: "https://evil.test", "content-type": "text/plain" })).status).toBe(403);
    expect((await send({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    // A same-origin page that posts a form or plain text is refused too: only JSON is accepted.
    expect((await send({ origin: "http://localhost:3000", "content-type": "text/plain" })).status).toBe(415);
    expect((await send({ "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    const teacher = await createUser({ email: `t-${crypto.randomUUID()}@example.org`, password: "long enough" });
    await prisma.user.update({ where: { id: teacher.id }, data: { role: "TEACHER" } });
    const crossRegrade = await regrade(
      jsonRequest(`/api/exercises/${GATHER}/regrade`, { cookie: await sessionCookie(teacher.id), headers: { origin: "https://evil.test" } }),
      routeContext({ id: GATHER }),
    );
    expect(crossRegrade.status).toBe(403);
    expect(await prisma.submission.count()).toBe(before);
    expect((await send({ origin: "http://localhost:3000" })).status).toBe(202);
  });

  it("limits the rate per user with a clear 429", async () => {
    process.env.SUBMISSIONS_PER_MINUTE = "3";
    try {
      const { cookie } = await student("eager");
      for (let index = 0; index < 3; index += 1) expect((await post(cookie, { exerciseId: GATHER, code: "pass" })).status).toBe(202);
      const refused = await post(cookie, { exerciseId: GATHER, code: "pass" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = (await refused.json()) as { error: { message: { "zh-CN": string; en: string } } };
      expect(body.error.message.en).toMatch(/at most 3 a minute/);
      expect(body.error.message["zh-CN"]).toMatch(/每分钟最多 3 次/);
    } finally {
      delete process.env.SUBMISSIONS_PER_MINUTE;
    }
  });
});

describe("grading", { timeout: 120_000 }, () => {
  it("takes a submission from QUEUED to its verdict, with tests, trace and progress", async () => {
    const { user, cookie } = await student("ada");
    const other = await student("eve");
    const solution = await readFile(path.join(exerciseDirectory, "solution.py"), "utf8");
    const sequential = solution.replace(
      "await asyncio.gather(get_user(1), get_user(2), get_user(3))",
      "[await get_user(1), await get_user(2), await get_user(3)]",
    );
    expect(sequential).not.toBe(solution);

    const first = await post(cookie, { exerciseId: GATHER, code: sequential });
    const second = await post(cookie, { exerciseId: GATHER, code: solution });
    expect(first.status).toBe(202);
    const firstId = ((await first.json()) as { submission: { id: string } }).submission.id;
    const secondId = ((await second.json()) as { submission: { id: string } }).submission.id;

    const queued = await getSubmissionRoute(jsonRequest(`/api/submissions/${firstId}`, { method: "GET", cookie }), routeContext({ id: firstId }));
    expect(((await queued.json()) as { submission: { status: string; queuePosition: number } }).submission).toMatchObject({
      status: "QUEUED",
      queuePosition: expect.any(Number) as number,
    });
    // Someone else's submission is as unknown as a made-up id.
    const foreign = await getSubmissionRoute(
      jsonRequest(`/api/submissions/${firstId}`, { method: "GET", cookie: other.cookie }),
      routeContext({ id: firstId }),
    );
    expect(foreign.status).toBe(404);

    startWorker();
    const graded = await waitForVerdict(firstId);
    const best = await waitForVerdict(secondId);
    expect(graded.verdict).toBe("FAILED");
    expect(best.verdict).toBe("PASSED");
    expect(best.score).toBe(1);
    // Graded in the order they came.
    expect(graded.finishedAt!.getTime()).toBeLessThanOrEqual(best.startedAt!.getTime());
    expect(await prisma.testResult.count({ where: { submissionId: secondId } })).toBeGreaterThan(0);
    const failedTests = await prisma.testResult.findMany({ where: { submissionId: firstId, status: "FAILED" } });
    expect(failedTests.length).toBeGreaterThan(0);
    expect(failedTests[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(best.trace).not.toBeNull();
    // Each test keeps its own run: the trace its duration was measured on, and its output.
    const bestTests = await prisma.testResult.findMany({ where: { submissionId: secondId }, orderBy: { position: "asc" } });
    for (const test of bestTests) {
      expect(test.trace, test.testId).toMatchObject({ elapsed: test.durationSeconds, tasks: expect.any(Array) as unknown[] });
      expect(typeof test.stdout, test.testId).toBe("string");
      expect(test.error, test.testId).toBeNull();
    }
    const shown = await getSubmissionRoute(jsonRequest(`/api/submissions/${secondId}`, { method: "GET", cookie }), routeContext({ id: secondId }));
    const shownTests = ((await shown.json()) as { submission: { testResults: { testId: string; trace: { tasks: unknown[] } | null; stdout: string }[] } })
      .submission.testResults;
    expect(shownTests.map((test) => test.testId)).toEqual(bestTests.map((test) => test.testId));
    expect(shownTests.every((test) => test.trace !== null && typeof test.stdout === "string")).toBe(true);
    expect(best.phaseTimings).toMatchObject({ queuedAt: expect.any(String) as string, startedAt: expect.any(String) as string });

    const progress = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: GATHER } } });
    expect(progress).toMatchObject({ attempts: 2, bestScore: 1 });
    expect(progress.solvedAt).toBeInstanceOf(Date);
  });

  it("grades a job delivered twice only once", async () => {
    const { user, cookie } = await student("twice");
    const solution = await readFile(path.join(exerciseDirectory, "solution.py"), "utf8");
    const response = await post(cookie, { exerciseId: GATHER, code: solution });
    const id = ((await response.json()) as { submission: { id: string } }).submission.id;
    await prisma.$transaction((tx) => enqueueGrading(tx, id, `duplicate:${id}`));
    if (workers.length === 0) startWorker();
    await waitForVerdict(id);
    await expect
      .poll(() => prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker._private_jobs`.then((rows) => Number(rows[0]?.count)), {
        timeout: 30_000,
      })
      .toBe(0);
    const progress = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: GATHER } } });
    expect(progress.attempts).toBe(1);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).attempt).toBe(1);
  });

  it("stores each test's own run: its output (a NUL too), and its error trimmed to the student's line", async () => {
    const { user: author, cookie } = await student("crashing");
    const code = [
      "import asyncio", // 1
      "", // 2
      "async def get_user(user_id):", // 3
      '    print(f"fetching {user_id}\\0")', // 4
      "    await asyncio.sleep(0.5)", // 5
      '    return {"id": user_id}["name"]', // 6
      "", // 7
      "async def main():", // 8
      "    return await asyncio.gather(get_user(1), get_user(2), get_user(3))", // 9
      "",
    ].join("\n");
    const id = ((await (await post(cookie, { exerciseId: GATHER, code })).json()) as { submission: { id: string } }).submission.id;
    if (!workers.some(isRunning)) startWorker();
    const graded = await waitForVerdict(id);
    expect(graded.verdict).toBe("RUNTIME_ERROR");
    // The NUL the program printed is stored (as U+FFFD) instead of failing the write.
    expect(graded.stdout).toContain("fetching 1\ufffd");
    const tests = await prisma.testResult.findMany({ where: { submissionId: id }, orderBy: { position: "asc" } });
    expect(tests.length).toBeGreaterThan(1);
    for (const test of tests) {
      expect(test.status, test.testId).toBe("ERROR");
      const error = test.error as { type: string; line: number; column: number | null; traceback: string };
      expect(error, test.testId).toMatchObject({ type: "KeyError", line: 6, column: null });
      expect(error.traceback).toMatch(/File "submission.py", line 6, in get_user/);
      expect(error.traceback).not.toMatch(/\/usr\/lib|scenarios\.py|awaitable\//);
      expect(test.messageEn).toContain("on line 6");
      expect(test.trace).not.toBeNull();
    }
    // get-user(7) prints only its own line; main()'s tests print the three of theirs.
    expect(tests[0]?.stdout).toBe("fetching 7\ufffd\n");
    expect(tests.slice(1).every((test) => test.stdout?.includes("fetching 1\ufffd\nfetching 2\ufffd\nfetching 3\ufffd\n"))).toBe(true);
    // Each failed test keeps the cause the grader names, for the teacher's "what the class gets wrong".
    expect(tests.map((test) => test.misconception)).toEqual(tests.map(() => "exception"));
    // The submission's result keeps the summaries; the traces and outputs are in the rows only.
    const result = graded.result as { tests: Record<string, unknown>[] };
    expect(result.tests.every((test) => !("trace" in test) && !("stdout" in test) && "error" in test)).toBe(true);

    // The author, a teacher of a class the author is in and an admin see each test's run;
    // a teacher of another class, another student and the author's former teacher do not.
    const teacher = await student("reader");
    await prisma.user.update({ where: { id: teacher.user.id }, data: { role: "TEACHER" } });
    const otherTeacher = await student("other-teacher");
    await prisma.user.update({ where: { id: otherTeacher.user.id }, data: { role: "TEACHER" } });
    const course = await prisma.courseItem.findUniqueOrThrow({ where: { id: GATHER }, select: { chapter: { select: { courseId: true } } } });
    const taught = await seedClass({ courseId: course.chapter.courseId, owner: teacher.user, students: [author] });
    await seedClass({ courseId: course.chapter.courseId, owner: otherTeacher.user });
    const admin = await student("root");
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    const read = (viewer: string) => getSubmissionRoute(jsonRequest(`/api/submissions/${id}`, { method: "GET", cookie: viewer }), routeContext({ id }));
    for (const viewer of [cookie, teacher.cookie, admin.cookie]) {
      const response = await read(viewer);
      expect(response.status).toBe(200);
      const shown = ((await response.json()) as { submission: { testResults: { error: { line: number } | null; stdout: string }[] } }).submission;
      expect(shown.testResults.map((test) => [test.error?.line, test.stdout.startsWith("fetching")])).toEqual(tests.map(() => [6, true]));
    }
    expect((await read(otherTeacher.cookie)).status).toBe(404);
    await prisma.enrolment.deleteMany({ where: { classId: taught.id, userId: author.id } });
    expect((await read(teacher.cookie)).status).toBe(404);
    const stranger = await student("stranger");
    const refused = await getSubmissionRoute(jsonRequest(`/api/submissions/${id}`, { method: "GET", cookie: stranger.cookie }), routeContext({ id }));
    expect(refused.status).toBe(404);
  });

  it("answers a 1000-task grading with every test's trace in a response of bounded size", async () => {
    const { cookie } = await student("busy");
    const solution = await readFile(path.join(exerciseDirectory, "solution.py"), "utf8");
    const code = `${solution}

async def worker(semaphore):
    async with semaphore:
        await asyncio.sleep(0.1)

_main = main

async def main():
    semaphore = asyncio.Semaphore(100)
    await asyncio.gather(*(worker(semaphore) for _ in range(1000)))
    return await _main()
`;
    const id = ((await (await post(cookie, { exerciseId: GATHER, code })).json()) as { submission: { id: string } }).submission.id;
    if (!workers.some(isRunning)) startWorker();
    await waitForVerdict(id);
    const response = await getSubmissionRoute(jsonRequest(`/api/submissions/${id}`, { method: "GET", cookie }), routeContext({ id }));
    const body = await response.text();
    const shown = (JSON.parse(body) as { submission: { trace: { tasks: unknown[] }; testResults: { trace: { tasks: unknown[]; events: unknown[] } | null }[] } })
      .submission;
    const busiest = shown.testResults.filter((test) => (test.trace?.tasks.length ?? 0) > 1000);
    expect(busiest.length).toBeGreaterThan(1);
    // All the traces of the document (the top-level copy counted again) keep at most 20 000 events.
    const events = shown.testResults.reduce((sum, test) => sum + (test.trace?.events.length ?? 0), 0);
    expect(events).toBeLessThanOrEqual(20_000);
    // About 1.8 MB (117 KB gzipped, as next start sends it): ~460 KB a busy trace, the top-level one a copy of one of them.
    expect(Buffer.byteLength(body), `response of ${Buffer.byteLength(body)} bytes`).toBeLessThan(4 << 20);
  });

  it("regrades a submission whose worker was SIGKILLed mid-job, within 30 s", async () => {
    for (const worker of workers.splice(0)) killHard(worker);
    const { cookie } = await student("crash");
    // Really waits 1 s of real time in each of its runs (select is not on the virtual clock).
    const slow = "import select\nselect.select([], [], [], 1)\n" + (await readFile(path.join(exerciseDirectory, "solution.py"), "utf8"));
    const response = await post(cookie, { exerciseId: GATHER, code: slow });
    const id = ((await response.json()) as { submission: { id: string } }).submission.id;
    const doomed = startWorker();
    await expect.poll(async () => (await prisma.submission.findUniqueOrThrow({ where: { id } })).status, { timeout: 30_000 }).toBe("RUNNING");
    killHard(doomed.process);
    const killedAt = Date.now();
    const survivor = startWorker();
    const graded = await waitForVerdict(id, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${workers.map((worker) => worker.pid).join(",")}`);
    });
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    expect(graded.verdict).toBe("PASSED");
    expect(graded.attempt, survivor.output() + doomed.output()).toBe(2);
  });

  it("stops gracefully on SIGTERM: finishes the running job, takes no new one", async () => {
    for (const worker of workers.splice(0)) killHard(worker);
    const { cookie } = await student("graceful");
    const slow = "import select\nselect.select([], [], [], 1)\n" + (await readFile(path.join(exerciseDirectory, "solution.py"), "utf8"));
    const first = ((await (await post(cookie, { exerciseId: GATHER, code: slow })).json()) as { submission: { id: string } }).submission.id;
    const worker = startWorker();
    await expect.poll(async () => (await prisma.submission.findUniqueOrThrow({ where: { id: first } })).status, { timeout: 30_000 }).toBe("RUNNING");
    const exited = new Promise<number | null>((resolve) => worker.process.on("exit", (code) => resolve(code)));
    worker.process.kill("SIGTERM");
    const second = ((await (await post(cookie, { exerciseId: GATHER, code: slow })).json()) as { submission: { id: string } }).submission.id;
    expect(await exited).toBe(0);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: first } })).verdict).toBe("PASSED");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: second } })).status).toBe("QUEUED");
    expect(worker.output()).toMatch(/finishing running jobs, taking no new ones[\s\S]*stopped/);
  });

  it("retries a grader fault, then shows GRADER_ERROR, never counted against the student", async () => {
    process.env.GRADER_MAX_ATTEMPTS = "2";
    try {
      const chapter = await prisma.chapter.findFirstOrThrow();
      const broken = await prisma.courseItem.create({
        data: {
          id: crypto.randomUUID(),
          chapterId: chapter.id,
          kind: "EXERCISE",
          slug: `no-files-${Date.now()}`,
          position: 99,
          titleZh: "没有文件的练习",
          titleEn: "An exercise without files",
          contentHash: "x",
          content: {},
        },
      });
      const { user, cookie } = await student("unlucky");
      const response = await post(cookie, { exerciseId: broken.id, code: "print(1)" });
      const id = ((await response.json()) as { submission: { id: string } }).submission.id;
      if (!workers.some(isRunning)) startWorker();
      const graded = await waitForVerdict(id, 60_000);
      expect(graded.verdict).toBe("GRADER_ERROR");
      expect(graded.attempt).toBe(2);
      expect(graded.messageEn).toMatch(/not your fault/);
      expect(await prisma.progress.count({ where: { userId: user.id } })).toBe(0);
    } finally {
      delete process.env.GRADER_MAX_ATTEMPTS;
    }
  });

  it("lets an admin regrade every submission of an exercise, keeping the old results; a teacher is sent to their class", async () => {
    const { user, cookie } = await student("regraded");
    const solution = await readFile(path.join(exerciseDirectory, "solution.py"), "utf8");
    const original = ((await (await post(cookie, { exerciseId: GATHER, code: solution })).json()) as { submission: { id: string } }).submission.id;
    if (!workers.some(isRunning)) startWorker();
    await waitForVerdict(original);

    const asStudent = await regrade(jsonRequest(`/api/exercises/${GATHER}/regrade`, { cookie }), routeContext({ id: GATHER }));
    expect(asStudent.status).toBe(403);
    const teacher = await student("teacher");
    await prisma.user.update({ where: { id: teacher.user.id }, data: { role: "TEACHER" } });
    const asTeacher = await regrade(jsonRequest(`/api/exercises/${GATHER}/regrade`, { cookie: teacher.cookie }), routeContext({ id: GATHER }));
    expect(asTeacher.status).toBe(403);
    const admin = await student("admin");
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    const unknown = await regrade(jsonRequest(`/api/exercises/${crypto.randomUUID()}/regrade`, { cookie: admin.cookie }), routeContext({ id: crypto.randomUUID() }));
    expect(unknown.status).toBe(404);
    const accepted = await regrade(jsonRequest(`/api/exercises/${GATHER}/regrade`, { cookie: admin.cookie }), routeContext({ id: GATHER }));
    expect(accepted.status).toBe(202);
    expect(((await accepted.json()) as { batch: { mode: string; classId: string | null } }).batch).toMatchObject({ mode: "APPLY", classId: null });

    await expect.poll(() => prisma.submission.count({ where: { regradeOfId: original } }), { timeout: 30_000 }).toBe(1);
    const copy = await prisma.submission.findFirstOrThrow({ where: { regradeOfId: original } });
    expect(copy.regradeBatchId).not.toBeNull();
    expect((await waitForVerdict(copy.id)).verdict).toBe("PASSED");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: original } })).verdict).toBe("PASSED");
    const progress = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: GATHER } } });
    expect(progress.attempts).toBe(1);
  });
});


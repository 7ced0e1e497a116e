// The exercise page's server side: drafts, Run (executed by a real worker in
// the real sandbox, never scored), hints unlocked by attempts, and the live
// event stream that carries a verdict to the page.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDraftRoute, PUT as putDraft } from "@/app/api/drafts/[itemId]/route";
import { POST as postRun } from "@/app/api/runs/route";
import { GET as getRunRoute } from "@/app/api/runs/[id]/route";
import { GET as runEvents } from "@/app/api/runs/[id]/events/route";
import { GET as submissionEvents } from "@/app/api/submissions/[id]/events/route";
import { POST as submit } from "@/app/api/submissions/route";
import { POST as revealHintRoute } from "@/app/api/exercises/[id]/hints/route";
import { GET as referenceTimelineRoute } from "@/app/api/exercises/[id]/reference-timeline/route";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";
import { createUser } from "@/lib/users/create-user";
import { jsonRequest, routeContext, sessionCookie } from "../support/requests";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";
import { killHard, startWorker } from "../support/workers";

const workers: ChildProcess[] = [];

async function student(name: string) {
  const user = await createUser({ email: `${name}-${crypto.randomUUID()}@example.org`, password: "long enough" });
  return { user, cookie: await sessionCookie(user.id) };
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & { error?: { code: string; message: { "zh-CN": string; en: string } } };
}

/** Reads a Server-Sent Events body until it ends, returning the `state` events' data. */
async function readStates(response: Response): Promise<{ status: string }[]> {
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event: state"))
    .map((block) => JSON.parse(block.split("\ndata: ")[1] ?? "{}") as { status: string });
}

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  await seedGatherExercise();
  await prisma.courseItem.update({
    where: { id: GATHER_EXERCISE_ID },
    data: {
      content: {
        starter: "import asyncio\n",
        reference: readFileSync("exercises/asyncio/02-concurrency/gather-three-users/solution.py", "utf8"),
        hints: [
          { "zh-CN": "提示一", en: "hint one" },
          { "zh-CN": "提示二", en: "hint two" },
          { "zh-CN": "提示三", en: "hint three" },
        ],
      },
    },
  });
  workers.push(startWorker().process);
});

afterAll(async () => {
  for (const worker of workers) killHard(worker);
});

describe("drafts", () => {
  it("saves and restores a student's draft, each student their own", async () => {
    const alice = await student("alice");
    const bob = await student("bob");
    const saved = await putDraft(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "PUT", body: { code: "print('mine')\n" }, cookie: alice.cookie }), routeContext({ itemId: GATHER_EXERCISE_ID }));
    expect(saved.status).toBe(200);
    // Saving again overwrites (the last save wins); an empty draft is a draft too.
    await putDraft(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "PUT", body: { code: "print('mine, later')\n" }, cookie: alice.cookie }), routeContext({ itemId: GATHER_EXERCISE_ID }));
    const mine = await json(await getDraftRoute(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "GET", cookie: alice.cookie }), routeContext({ itemId: GATHER_EXERCISE_ID })));
    expect((mine.draft as { code: string }).code).toBe("print('mine, later')\n");
    const theirs = await json(await getDraftRoute(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "GET", cookie: bob.cookie }), routeContext({ itemId: GATHER_EXERCISE_ID })));
    expect(theirs.draft).toBeNull();
    const empty = await putDraft(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "PUT", body: { code: "" }, cookie: bob.cookie }), routeContext({ itemId: GATHER_EXERCISE_ID }));
    expect(empty.status).toBe(200);
  });

  it("refuses oversized code, unknown exercises and strangers, keeping the saved draft", async () => {
    const { user, cookie } = await student("carol");
    await prisma.draft.create({ data: { userId: user.id, itemId: GATHER_EXERCISE_ID, code: "kept" } });
    const huge = await putDraft(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "PUT", body: { code: "x".repeat(65 * 1024) }, cookie }), routeContext({ itemId: GATHER_EXERCISE_ID }));
    expect(huge.status).toBe(400);
    const body = await json(huge);
    expect(JSON.stringify(body)).toMatch(/64 KiB/);
    const unknown = await putDraft(jsonRequest(`/api/drafts/${crypto.randomUUID()}`, { method: "PUT", body: { code: "x" }, cookie }), routeContext({ itemId: crypto.randomUUID() }));
    expect(unknown.status).toBe(404);
    const notAnId = await putDraft(jsonRequest(`/api/drafts/nope`, { method: "PUT", body: { code: "x" }, cookie }), routeContext({ itemId: "nope" }));
    expect(notAnId.status).toBe(404);
    const guest = await putDraft(jsonRequest(`/api/drafts/${GATHER_EXERCISE_ID}`, { method: "PUT", body: { code: "x" } }), routeContext({ itemId: GATHER_EXERCISE_ID }));
    expect(guest.status).toBe(401);
    const draft = await prisma.draft.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: GATHER_EXERCISE_ID } } });
    expect(draft.code).toBe("kept");
  });
});

describe("Run", () => {
  it("runs the program in the sandbox and reports output and virtual time, scoring nothing", async () => {
    const { user, cookie } = await student("runner");
    const code = "import asyncio\n\nasync def main():\n    await asyncio.gather(asyncio.sleep(0.5), asyncio.sleep(0.5))\n    print('done')\n\nasyncio.run(main())\n";
    const created = await postRun(jsonRequest("/api/runs", { body: { itemId: GATHER_EXERCISE_ID, code }, cookie }), routeContext({}));
    expect(created.status).toBe(202);
    const { run } = (await created.json()) as { run: { id: string } };
    // The live stream ends once the run is done; its last state is the outcome.
    const states = await readStates(await runEvents(jsonRequest(`/api/runs/${run.id}/events`, { method: "GET", cookie }), routeContext({ id: run.id })));
    const last = states.at(-1) as unknown as { status: string; verdict: string; stdout: string; elapsed: number; trace: { tasks: unknown[] } };
    expect(last.status).toBe("DONE");
    expect(last.verdict).toBe("PASSED");
    expect(last.stdout).toBe("done\n");
    expect(last.elapsed).toBeCloseTo(0.5, 3);
    expect(last.trace.tasks.length).toBeGreaterThanOrEqual(1);
    // Not a submission, not an attempt.
    expect(await prisma.submission.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.progress.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reports the line of a student's exception", async () => {
    const { cookie } = await student("raiser");
    const code = "import asyncio\n\nasync def main():\n    raise ValueError('boom')\n\nasyncio.run(main())\n";
    const created = await postRun(jsonRequest("/api/runs", { body: { itemId: GATHER_EXERCISE_ID, code }, cookie }), routeContext({}));
    const { run } = (await created.json()) as { run: { id: string } };
    const states = await readStates(await runEvents(jsonRequest(`/api/runs/${run.id}/events`, { method: "GET", cookie }), routeContext({ id: run.id })));
    const last = states.at(-1) as unknown as { verdict: string; error: { type: string; line: number } };
    expect(last.verdict).toBe("RUNTIME_ERROR");
    expect(last.error).toMatchObject({ type: "ValueError", line: 4 });
  });

  it("refuses empty code, unknown items and someone else's run", async () => {
    const owner = await student("owner");
    const other = await student("other");
    const empty = await postRun(jsonRequest("/api/runs", { body: { itemId: GATHER_EXERCISE_ID, code: "  \n" }, cookie: owner.cookie }), routeContext({}));
    expect(empty.status).toBe(400);
    const unknown = await postRun(jsonRequest("/api/runs", { body: { itemId: crypto.randomUUID(), code: "print(1)" }, cookie: owner.cookie }), routeContext({}));
    expect(unknown.status).toBe(404);
    const created = await postRun(jsonRequest("/api/runs", { body: { itemId: GATHER_EXERCISE_ID, code: "print(1)" }, cookie: owner.cookie }), routeContext({}));
    const { run } = (await created.json()) as { run: { id: string } };
    const stranger = await getRunRoute(jsonRequest(`/api/runs/${run.id}`, { method: "GET", cookie: other.cookie }), routeContext({ id: run.id }));
    expect(stranger.status).toBe(404);
    const strangerStream = await runEvents(jsonRequest(`/api/runs/${run.id}/events`, { method: "GET", cookie: other.cookie }), routeContext({ id: run.id }));
    expect(strangerStream.status).toBe(404);
  });
});

describe("the live verdict", () => {
  it("streams QUEUED or RUNNING, then the verdict, and ends", async () => {
    const { cookie } = await student("watcher");
    const code = "import asyncio\n\nasync def get_user(user_id):\n    await asyncio.sleep(0.5)\n    return {'id': user_id}\n";
    const created = await submit(jsonRequest("/api/submissions", { body: { exerciseId: GATHER_EXERCISE_ID, code }, cookie }), routeContext({}));
    const { submission } = (await created.json()) as { submission: { id: string } };
    const states = await readStates(await submissionEvents(jsonRequest(`/api/submissions/${submission.id}/events`, { method: "GET", cookie }), routeContext({ id: submission.id })));
    expect(states.length).toBeGreaterThanOrEqual(1);
    expect(states.at(-1)?.status).toBe("DONE");
    expect(states.slice(0, -1).every((state) => state.status === "QUEUED" || state.status === "RUNNING")).toBe(true);
  });
});

describe("hints", () => {
  it("reveals the first hint at once and each further one only after another attempt", async () => {
    const { user, cookie } = await student("hinted");
    const reveal = () => revealHintRoute(jsonRequest(`/api/exercises/${GATHER_EXERCISE_ID}/hints`, { cookie }), routeContext({ id: GATHER_EXERCISE_ID }));
    const first = await reveal();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { revealed: { en: string }[] }).revealed.map((hint) => hint.en)).toEqual(["hint one"]);
    const locked = await reveal();
    expect(locked.status).toBe(409);
    expect((await json(locked)).error?.message.en).toMatch(/not unlocked/);
    await prisma.progress.update({ where: { userId_itemId: { userId: user.id, itemId: GATHER_EXERCISE_ID } }, data: { attempts: 1 } });
    const second = await reveal();
    expect(((await second.json()) as { revealed: unknown[] }).revealed).toHaveLength(2);
    const progress = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: GATHER_EXERCISE_ID } } });
    expect(progress.hintsRevealed).toBe(2);
  });

  it("reveals one hint for two clicks at once", async () => {
    const { user, cookie } = await student("double");
    const reveal = () => revealHintRoute(jsonRequest(`/api/exercises/${GATHER_EXERCISE_ID}/hints`, { cookie }), routeContext({ id: GATHER_EXERCISE_ID }));
    const statuses = (await Promise.all([reveal(), reveal()])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    const progress = await prisma.progress.findUniqueOrThrow({ where: { userId_itemId: { userId: user.id, itemId: GATHER_EXERCISE_ID } } });
    expect(progress.hintsRevealed).toBe(1);
  });
});

describe("the reference solution's timelines", () => {
  it("are refused before the reference unlocks, then graded once and served per test", async () => {
    const { user, cookie } = await student("compare");
    const ask = () => referenceTimelineRoute(jsonRequest(`/api/exercises/${GATHER_EXERCISE_ID}/reference-timeline`, { method: "GET", cookie }), routeContext({ id: GATHER_EXERCISE_ID }));
    expect((await ask()).status).toBe(403);
    await prisma.progress.create({ data: { userId: user.id, itemId: GATHER_EXERCISE_ID, attempts: 1, bestScore: 1, solvedAt: new Date() } });
    // Two students asking at once queue one grading.
    const [first, second] = await Promise.all([ask(), ask()]);
    expect([first.status, second.status]).toEqual([202, 202]);
    const jobs = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker._private_jobs WHERE key = ${`reference:${GATHER_EXERCISE_ID}`}`;
    expect(Number(jobs[0]?.count)).toBeLessThanOrEqual(1);
    const deadline = Date.now() + 60_000;
    let body: { status: string; result?: { tests: { testId: string; status: string; trace: { tasks: unknown[] } | null }[] } } = { status: "pending" };
    while (body.status !== "ready" && Date.now() < deadline) {
      const response = await ask();
      body = (await response.json()) as typeof body;
      if (body.status !== "ready") await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(body.status).toBe("ready");
    expect(body.result!.tests.length).toBeGreaterThan(0);
    expect(body.result!.tests.every((test) => test.status === "passed")).toBe(true);
    expect(body.result!.tests.some((test) => (test.trace?.tasks.length ?? 0) >= 4)).toBe(true);
    const grading = await prisma.exerciseGrading.findUniqueOrThrow({ where: { itemId: GATHER_EXERCISE_ID } });
    expect(grading.referenceResultHash).toBe("test");
  });
});

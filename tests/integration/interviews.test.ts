// Timed mock interviews against a real PostgreSQL with the real course
// synced, through the route handlers: the draw is balanced, stored and
// reproducible; no answer key, explanation, hint, reference solution or
// verdict leaves the server before the interview is handed in; work is
// saved as given (and refused past the server's deadline); the deadline's
// job hands an interview in with no browser, a real grader grading the code
// that was typed but never submitted; the report, the share link and the
// history come after.
import type { ChildProcess } from "node:child_process";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as startRoute } from "@/app/api/interviews/route";
import { GET as viewRoute } from "@/app/api/interviews/[id]/route";
import { PUT as answerRoute } from "@/app/api/interviews/[id]/answers/[questionId]/route";
import { PUT as codeRoute } from "@/app/api/interviews/[id]/tasks/[position]/route";
import { POST as submitRoute } from "@/app/api/interviews/[id]/tasks/[position]/submit/route";
import { PUT as flagsRoute } from "@/app/api/interviews/[id]/flags/route";
import { POST as heartbeatRoute } from "@/app/api/interviews/[id]/heartbeat/route";
import { POST as finishRoute } from "@/app/api/interviews/[id]/finish/route";
import { GET as reportRoute } from "@/app/api/interviews/[id]/report/route";
import { DELETE as unshareRoute, GET as shareStateRoute, POST as shareRoute } from "@/app/api/interviews/[id]/share/route";
import { GET as sharedRoute } from "@/app/api/shared-interviews/[token]/route";
import { GET as submissionRoute } from "@/app/api/submissions/[id]/route";
import { interviewDeadlineJob } from "@/grader/tasks/interview-deadline";
import { graderErrorResult } from "@/grader/run-harness";
import { getExercise } from "@/lib/catalogue/get-exercise";
import { loadContent, normalizeOutput } from "@/lib/content/load-content";
import type { TBilingual, TQuestion } from "@/lib/content/schemas";
import { syncContent } from "@/lib/content/sync-content";
import { prisma } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { drawInterview } from "@/lib/interviews/draw-interview";
import { finishInterview, interviewScore } from "@/lib/interviews/finish-interview";
import { INTERVIEW_FORMATS, INTERVIEW_LEVELS, type TInterviewFormat, type TInterviewLevel } from "@/lib/interviews/formats";
import type { TInterviewView } from "@/lib/interviews/get-interview";
import type { TInterviewReport } from "@/lib/interviews/get-report";
import type { THeartbeat } from "@/lib/interviews/heartbeat";
import type { TInterviewSummary } from "@/lib/interviews/list-interviews";
import type { TSaved } from "@/lib/interviews/save-work";
import { ZInterviewConfig } from "@/lib/interviews/schemas";
import type { TSharedReport, TShareState } from "@/lib/interviews/share-link";
import { deadlineJobKey, startInterview } from "@/lib/interviews/start-interview";
import { recordGradingResult } from "@/lib/progress/record-grading-result";
import { migrateQueue } from "@/lib/queue/queue";
import type { TPublicQuestion } from "@/lib/quizzes/public-question";
import { ZOptionOrder, type TShownAnswer } from "@/lib/quizzes/schemas";
import { authoredIds, shownOrderOf } from "@/lib/quizzes/shuffle-options";
import { correctShownAnswer } from "@/lib/quizzes/translate-answer";
import { jsonRequest, routeContext } from "../support/requests";
import { seedClass, seedUser, type SeededUser } from "../support/teaching";
import { killHard, startWorker } from "../support/workers";

const bank = new Map<string, TQuestion>();
/** Each exercise's hidden parts, by item id: nothing of them may reach a running interview. */
const hidden = new Map<string, { slug: string; reference: string | null; hints: TBilingual[] }>();
const workers: ChildProcess[] = [];

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  const content = await loadContent();
  await syncContent(content);
  for (const loaded of content.questions) bank.set(loaded.id, loaded.question);
  const exercises = await prisma.courseItem.findMany({ where: { kind: "EXERCISE" }, select: { id: true, slug: true, content: true } });
  for (const exercise of exercises) {
    const fields = exercise.content as { reference?: string; hints?: TBilingual[] };
    hidden.set(exercise.id, { slug: exercise.slug, reference: fields.reference ?? null, hints: fields.hints ?? [] });
  }
});

afterAll(() => {
  for (const worker of workers) killHard(worker);
});

type Sent = { status: number; body: unknown; text: string };
type Handler<Params> = (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;

async function call<Params>(handler: Handler<Params>, method: string, path: string, params: Params, cookie?: string, body?: unknown): Promise<Sent> {
  const response = await handler(jsonRequest(path, { method, cookie, ...(body === undefined ? {} : { body }) }), routeContext(params));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as unknown, text };
}

const api = {
  start: (cookie: string | undefined, body: unknown = { format: "short", level: "junior" }) => call(startRoute, "POST", "/api/interviews", {}, cookie, body),
  list: (cookie: string | undefined) => call(listRoute, "GET", "/api/interviews", {}, cookie),
  view: (cookie: string | undefined, id: string) => call(viewRoute, "GET", `/api/interviews/${id}`, { id }, cookie),
  answer: (cookie: string | undefined, id: string, questionId: string, body: unknown) =>
    call(answerRoute, "PUT", `/api/interviews/${id}/answers/${questionId}`, { id, questionId }, cookie, body),
  code: (cookie: string | undefined, id: string, position: string, body: unknown) =>
    call(codeRoute, "PUT", `/api/interviews/${id}/tasks/${position}`, { id, position }, cookie, body),
  submit: (cookie: string | undefined, id: string, position: string, body: unknown) =>
    call(submitRoute, "POST", `/api/interviews/${id}/tasks/${position}/submit`, { id, position }, cookie, body),
  flag: (cookie: string | undefined, id: string, body: unknown) => call(flagsRoute, "PUT", `/api/interviews/${id}/flags`, { id }, cookie, body),
  heartbeat: (cookie: string | undefined, id: string, body: unknown) => call(heartbeatRoute, "POST", `/api/interviews/${id}/heartbeat`, { id }, cookie, body),
  finish: (cookie: string | undefined, id: string) => call(finishRoute, "POST", `/api/interviews/${id}/finish`, { id }, cookie),
  report: (cookie: string | undefined, id: string) => call(reportRoute, "GET", `/api/interviews/${id}/report`, { id }, cookie),
  shareState: (cookie: string | undefined, id: string) => call(shareStateRoute, "GET", `/api/interviews/${id}/share`, { id }, cookie),
  share: (cookie: string | undefined, id: string) => call(shareRoute, "POST", `/api/interviews/${id}/share`, { id }, cookie),
  unshare: (cookie: string | undefined, id: string) => call(unshareRoute, "DELETE", `/api/interviews/${id}/share`, { id }, cookie),
  shared: (cookie: string | undefined, token: string) => call(sharedRoute, "GET", `/api/shared-interviews/${token}`, { token }, cookie),
  submission: (cookie: string | undefined, id: string) => call(submissionRoute, "GET", `/api/submissions/${id}`, { id }, cookie),
};

const idOf = (sent: Sent) => (sent.body as { interview: { id: string } }).interview.id;
const viewOf = (sent: Sent) => (sent.body as { interview: TInterviewView }).interview;
const savedOf = (sent: Sent) => (sent.body as { saved: TSaved & { flagged?: number[]; submittedCurrent?: boolean } }).saved;
const heartbeatOf = (sent: Sent) => (sent.body as { heartbeat: THeartbeat }).heartbeat;
const reportOf = (sent: Sent) => (sent.body as { report: TInterviewReport }).report;
const shareOf = (sent: Sent) => (sent.body as { share: TShareState }).share;
const errorOf = (sent: Sent) => (sent.body as { error: { code: string; message: TBilingual; issues?: { message: TBilingual }[] } }).error;
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const NOT_FOUND = { "zh-CN": "找不到这场面试。", en: "This interview was not found." };
const OVER = { "zh-CN": expect.stringContaining("面试已经结束"), en: expect.stringContaining("The interview is over") };
const SHARE_NOT_FOUND = { "zh-CN": "这个分享链接不存在或已被撤销。", en: "This share link does not exist or was revoked." };

function questionsOf(view: TInterviewView) {
  return view.items.flatMap((item) => (item.kind === "question" ? [item] : []));
}
function tasksOf(view: TInterviewView) {
  return view.items.flatMap((item) => (item.kind === "task" ? [item] : []));
}

/** A started interview through the API: its id, its view, and the key of each question in the positions it shows. */
async function begin(user: SeededUser, body: unknown = { format: "short", level: "junior" }) {
  const started = await api.start(user.cookie, body);
  expect(started.status).toBe(201);
  const id = idOf(started);
  const view = viewOf(await api.view(user.cookie, id));
  const attempt = await prisma.quizAttempt.findFirstOrThrow({ where: { interviewSessionId: id }, select: { id: true, optionOrder: true } });
  const optionOrder = ZOptionOrder.parse(attempt.optionOrder ?? {});
  const right = (questionId: string) => correctShownAnswer(bank.get(questionId)!, shownOrderOf(bank.get(questionId)!, optionOrder));
  return { id, started, view, attemptId: attempt.id, right };
}

/** An answer that earns nothing, built from the key in the shown positions. */
function wrongAnswer(question: TPublicQuestion, right: TShownAnswer): TShownAnswer {
  const count = question.kind === "single_choice" || question.kind === "multiple_choice" ? question.options.length : 0;
  switch (right.kind) {
    case "single_choice":
      return { kind: "single_choice", option: (right.option + 1) % count };
    case "multiple_choice": {
      const others = Array.from({ length: count }, (_, index) => index).filter((index) => !right.options.includes(index));
      return { kind: "multiple_choice", options: others.length > 0 ? others : [0] };
    }
    case "true_false":
      return { kind: "true_false", value: !right.value };
    case "predict_output": {
      if (right.option === undefined) return { kind: "predict_output", output: "surely not this\n" };
      const outputs = question.kind === "predict_output" ? (question.outputs ?? []) : [];
      return { kind: "predict_output", option: (right.option + 1) % outputs.length };
    }
    case "predict_duration":
      return { kind: "predict_duration", seconds: right.seconds + 1000 };
    case "ordering":
      return { kind: "ordering", order: [...right.order].reverse() };
    case "fill_blank":
      return { kind: "fill_blank", blanks: right.blanks.map(() => "surely_not_this") };
  }
}

const escaped = (text: string) => JSON.stringify(text).slice(1, -1);

/** Every [key, value] of every object inside a JSON value. */
function entriesOf(value: unknown, found: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) for (const entry of value) entriesOf(entry, found);
  else if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      found.push([key, entry]);
      entriesOf(entry, found);
    }
  }
  return found;
}

/** Fields only a report may carry: before the hand-in none holds a value. */
const KEY_FIELDS = [
  "explanation",
  "correctAnswer",
  "accepted",
  "correct",
  "score",
  "verdict",
  "hints",
  "reference",
  "feedback",
  "references",
  "testResults",
  "concepts",
  "practice",
  "expectOutput",
];

/**
 * Nothing in `text` gives away a key of the interview's questions or tasks:
 * no report field holds a value, every id is a uuid (never a bank option's
 * id), the shown options are bare texts, an `answer` is only ever the
 * candidate's own (positions, never a bank id), and no explanation, typed
 * key, hint or reference solution appears anywhere in the text.
 */
function expectNoKeys(text: string, questionIds: string[], taskItemIds: string[]) {
  for (const [key, entry] of entriesOf(JSON.parse(text))) {
    if (KEY_FIELDS.includes(key)) expect(entry, `${key} before the hand-in in ${text.slice(0, 200)}`).toBeNull();
    if (key === "id" || key === "itemId") expect(typeof entry === "string" && isUuid(entry), `${key} ${String(entry)}`).toBe(true);
    if (key === "answer" && entry !== null) expect(typeof entry === "object" && "kind" in (entry as object)).toBe(true);
    // A fill-in-the-blank question shows how many blanks it has, the candidate's answer what they typed; only a report says which were right.
    if (key === "blanks") expect(typeof entry === "number" || (Array.isArray(entry) && entry.every((blank) => typeof blank === "string"))).toBe(true);
    // The bank's `interview` flag would be a boolean; the responses' `interview` is the interview itself.
    if (key === "interview") expect(typeof entry).toBe("object");
    if (key === "question" && entry && typeof entry === "object") {
      const shown = entry as TPublicQuestion;
      const lists = shown.kind === "single_choice" || shown.kind === "multiple_choice" ? shown.options : shown.kind === "ordering" ? shown.items : [];
      for (const option of lists) expect(Object.keys(option).sort()).toEqual(["en", "zh-CN"]);
    }
  }
  for (const id of questionIds) {
    const question = bank.get(id)!;
    expect(text).not.toContain(escaped(question.explanation["zh-CN"]));
    expect(text).not.toContain(escaped(question.explanation.en));
    const ownText = JSON.stringify({ prompt: question.prompt, code: question.code });
    const typed = [
      question.kind === "predict_output" && !question.options ? question.answer : null,
      question.kind === "fill_blank" ? (question.expectOutput ?? null) : null,
    ];
    for (const key of typed) {
      if (key !== null && !ownText.includes(escaped(normalizeOutput(key)))) expect(text, id).not.toContain(escaped(normalizeOutput(key)));
    }
  }
  for (const itemId of taskItemIds) {
    const secret = hidden.get(itemId)!;
    expect(secret.reference, `${secret.slug} has a reference solution`).not.toBeNull();
    expect(text).not.toContain(escaped(secret.reference!));
    for (const hint of secret.hints) {
      expect(text).not.toContain(escaped(hint["zh-CN"]));
      expect(text).not.toContain(escaped(hint.en));
    }
  }
}

async function storedDraw(sessionId: string) {
  const [session, attempt] = await Promise.all([
    prisma.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { config: true } }),
    prisma.quizAttempt.findFirstOrThrow({ where: { interviewSessionId: sessionId }, select: { questionIds: true, optionOrder: true } }),
  ]);
  return { questionIds: attempt.questionIds, taskItemIds: ZInterviewConfig.parse(session.config).taskItemIds, optionOrder: attempt.optionOrder };
}

/**
 * The draw is balanced: the format's counts, every question within the
 * level's band, the difficulties' counts at most one apart, easiest first;
 * and, replaying the picks (round the difficulties, one at a time), no pick
 * had a concept drawn more often than some entry left in its difficulty
 * offered: no concept twice before every concept had a turn.
 */
async function expectBalanced(draw: { questionIds: string[]; taskItemIds: string[] }, format: TInterviewFormat, level: TInterviewLevel) {
  const { questions: questionCount, tasks: taskCount } = INTERVIEW_FORMATS[format];
  const { difficulties, exercises } = INTERVIEW_LEVELS[level];
  expect(draw.questionIds).toHaveLength(questionCount);
  expect(new Set(draw.questionIds).size).toBe(questionCount);
  expect(draw.taskItemIds).toHaveLength(taskCount);
  expect(new Set(draw.taskItemIds).size).toBe(taskCount);

  const live = await prisma.quizQuestion.findMany({ where: { archivedAt: null }, select: { id: true, concepts: true, difficulty: true } });
  const byId = new Map(live.map((question) => [question.id, question]));
  const drawn = draw.questionIds.map((id) => byId.get(id)!);
  for (const question of drawn) expect(difficulties as readonly number[]).toContain(question.difficulty);
  const counts = difficulties.map((difficulty) => drawn.filter((question) => question.difficulty === difficulty).length);
  const poolSizes = difficulties.map((difficulty) => live.filter((question) => question.difficulty === difficulty).length);
  // The bank holds enough of each difficulty for an even share.
  for (const size of poolSizes) expect(size).toBeGreaterThanOrEqual(Math.ceil(questionCount / difficulties.length));
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  const order = drawn.map((question) => question.difficulty);
  expect(order).toEqual([...order].sort((a, b) => a - b));

  const picked = difficulties.map((difficulty) => drawn.filter((question) => question.difficulty === difficulty));
  const left = difficulties.map((difficulty) => live.filter((question) => question.difficulty === difficulty));
  const used = new Map<string, number>();
  const staleness = (concepts: string[]) => Math.min(...concepts.map((concept) => used.get(concept) ?? 0));
  let picks = 0;
  for (let round = 0; picks < drawn.length; round += 1) {
    picked.forEach((group, index) => {
      const pick = group[round];
      if (!pick) return;
      const least = Math.min(...left[index]!.map((entry) => staleness(entry.concepts)));
      expect(staleness(pick.concepts), `pick ${picks} (difficulty ${pick.difficulty})`).toBe(least);
      left[index] = left[index]!.filter((entry) => entry.id !== pick.id);
      for (const concept of pick.concepts) used.set(concept, (used.get(concept) ?? 0) + 1);
      picks += 1;
    });
  }
  // The real bank has far more concepts than an interview has questions: none repeats.
  expect(new Set(drawn.flatMap((question) => question.concepts)).size).toBeGreaterThanOrEqual(questionCount);

  const items = await prisma.courseItem.findMany({ where: { id: { in: draw.taskItemIds } }, select: { content: true, kind: true, archivedAt: true } });
  expect(items).toHaveLength(taskCount);
  const taskDifficulties = items.map((item) => {
    expect(item).toMatchObject({ kind: "EXERCISE", archivedAt: null });
    return (item.content as { difficulty: string }).difficulty;
  });
  for (const difficulty of taskDifficulties) expect(exercises as readonly string[]).toContain(difficulty);
  const taskCounts = exercises.map((difficulty) => taskDifficulties.filter((entry) => entry === difficulty).length);
  expect(Math.max(...taskCounts) - Math.min(...taskCounts)).toBeLessThanOrEqual(1);
}

describe("the draw", () => {
  it("is stored: the same questions, option order and tasks on every read, and a second start resumes it", async () => {
    const user = await seedUser();
    const { id, view } = await begin(user);
    const again = viewOf(await api.view(user.cookie, id));
    expect(again.items).toEqual(view.items);
    const resumed = await api.start(user.cookie, { format: "standard", level: "senior" });
    expect(resumed.status).toBe(200);
    expect(idOf(resumed)).toBe(id);
    expect(await prisma.interviewSession.count({ where: { userId: user.id } })).toBe(1);
    // What the page shows is the stored option order applied to the bank.
    const draw = await storedDraw(id);
    const optionOrder = ZOptionOrder.parse(draw.optionOrder ?? {});
    for (const item of questionsOf(view)) {
      const question = bank.get(item.question.id)!;
      const shown = shownOrderOf(question, optionOrder);
      if (question.kind === "single_choice" && item.question.kind === "single_choice") {
        expect(item.question.options).toEqual(shown!.map((optionId) => question.options.find((option) => option.id === optionId)!.text));
      }
    }
    expect(questionsOf(view).map((item) => item.question.id)).toEqual(draw.questionIds);
    expect(tasksOf(view).map((item) => item.task.itemId)).toEqual(draw.taskItemIds);
    expect(view.items.map((item) => item.position)).toEqual(view.items.map((_, index) => index));
  });

  it("is reproducible from its seed: two candidates with one seed get one interview", async () => {
    const [first, second, third] = await Promise.all([seedUser(), seedUser(), seedUser()]);
    const request = { format: "standard", level: "junior" } as const;
    const drawA = await storedDraw((await startInterview(first.id, "en", request, { seed: 2026 })).id);
    const drawB = await storedDraw((await startInterview(second.id, "zh-CN", request, { seed: 2026 })).id);
    const drawC = await storedDraw((await startInterview(third.id, "en", request, { seed: 2027 })).id);
    expect(drawB.questionIds).toEqual(drawA.questionIds);
    expect(drawB.taskItemIds).toEqual(drawA.taskItemIds);
    expect(drawC.questionIds).not.toEqual(drawA.questionIds);
    expect(await drawInterview("standard", "junior", 2026)).toEqual({ questionIds: drawA.questionIds, taskItemIds: drawA.taskItemIds });
  });

  it("is balanced for both lengths and both levels, across seeds", async () => {
    let shuffled = 0;
    for (const format of ["short", "standard"] as const) {
      for (const level of ["junior", "senior"] as const) {
        const user = await seedUser();
        const { id, view } = await begin(user, { format, level });
        expect(view).toMatchObject({ format, level, minutes: INTERVIEW_FORMATS[format].minutes, status: "IN_PROGRESS" });
        await expectBalanced(await storedDraw(id), format, level);
        const optionOrder = ZOptionOrder.parse((await storedDraw(id)).optionOrder ?? {});
        for (const item of questionsOf(view)) {
          const question = bank.get(item.question.id)!;
          const authored = authoredIds(question);
          const shown = shownOrderOf(question, optionOrder);
          if (authored && shown && shown.join() !== authored.join()) shuffled += 1;
        }
        for (const seed of [1, 2, 3, 99, 123456]) await expectBalanced(await drawInterview(format, level, seed), format, level);
      }
    }
    expect(shuffled).toBeGreaterThan(0);
  });
});

describe("answer keys before the hand-in", () => {
  it("are absent from every response of every interview endpoint", async () => {
    const user = await seedUser();
    const { id, started, view, right } = await begin(user);
    const questionIds = questionsOf(view).map((item) => item.question.id);
    const taskItemIds = tasksOf(view).map((item) => item.task.itemId);
    const tabId = "tab-keys-0001";
    const bodies: Sent[] = [started, await api.start(user.cookie), await api.view(user.cookie, id)];
    for (const [index, item] of questionsOf(view).entries()) {
      const key = right(item.question.id);
      // Right and wrong answers alike answer nothing back; a typed key is only ever answered wrong, so the text of the key cannot come from the candidate.
      const typed = item.question.kind === "fill_blank" || (item.question.kind === "predict_output" && item.question.outputs === null);
      bodies.push(await api.answer(user.cookie, id, item.question.id, { answer: index % 2 === 0 && !typed ? key : wrongAnswer(item.question, key), tabId }));
    }
    bodies.push(await api.answer(user.cookie, id, questionIds[0]!, { answer: null, tabId }));
    bodies.push(await api.code(user.cookie, id, "0", { code: "import asyncio\nprint('typed')\n", tabId }));
    bodies.push(await api.submit(user.cookie, id, "0", { code: "import asyncio\nprint('handed in')\n", tabId }));
    bodies.push(await api.flag(user.cookie, id, { position: 1, flagged: true }));
    bodies.push(await api.heartbeat(user.cookie, id, { tabId, position: 2 }));
    const report = await api.report(user.cookie, id);
    expect(report.status).toBe(409);
    expect(errorOf(report).message).toEqual({ "zh-CN": expect.stringContaining("还在进行中"), en: expect.stringContaining("still running") });
    bodies.push(report);
    bodies.push(await api.view(user.cookie, id));
    bodies.push(await api.list(user.cookie));
    bodies.push(await api.shareState(user.cookie, id));
    const share = await api.share(user.cookie, id);
    expect(share.status).toBe(409);
    bodies.push(share);
    const submission = await prisma.interviewTask.findFirstOrThrow({ where: { sessionId: id }, select: { submissionId: true } });
    const held = await api.submission(user.cookie, submission.submissionId!);
    expect(held.status).toBe(404);
    bodies.push(held);

    for (const body of bodies) {
      expect(body.status, body.text).toBeLessThan(500);
      expectNoKeys(body.text, questionIds, taskItemIds);
    }
    expect(bodies.filter((body) => body.status === 200 || body.status === 201).length).toBeGreaterThan(12);
  });
});

describe("saving work", () => {
  it("keeps answers as given (shown positions), changed or cleared, and the same save twice is one answer", async () => {
    const user = await seedUser();
    const { id, view, attemptId, right } = await begin(user);
    const [first, second] = questionsOf(view);
    const key = right(first!.question.id);
    const wrong = wrongAnswer(first!.question, key);

    const saved = await api.answer(user.cookie, id, first!.question.id, { answer: key });
    expect(saved.status).toBe(200);
    expect(savedOf(saved)).toMatchObject({ otherTab: false, endsAt: view.endsAt });
    expect(Object.keys(savedOf(saved)).sort()).toEqual(["endsAt", "otherTab", "savedAt", "serverNow"]);
    await api.answer(user.cookie, id, second!.question.id, { answer: wrongAnswer(second!.question, right(second!.question.id)) });
    const resumed = viewOf(await api.view(user.cookie, id));
    expect(questionsOf(resumed)[0]!.answer).toEqual(key);
    expect(questionsOf(resumed)[1]!.answer).toEqual(wrongAnswer(second!.question, right(second!.question.id)));
    expect(questionsOf(resumed).slice(2).every((item) => item.answer === null)).toBe(true);

    // Changed, then the same change again: one row, the same state.
    await api.answer(user.cookie, id, first!.question.id, { answer: wrong });
    const once = await prisma.quizAnswer.findMany({ where: { attemptId, questionId: first!.question.id }, select: { answer: true, correct: true, score: true } });
    await api.answer(user.cookie, id, first!.question.id, { answer: wrong });
    const twice = await prisma.quizAnswer.findMany({ where: { attemptId, questionId: first!.question.id }, select: { answer: true, correct: true, score: true } });
    expect(once).toHaveLength(1);
    expect(twice).toEqual(once);
    expect(once[0]).toMatchObject({ correct: false, score: 0 });
    expect(questionsOf(viewOf(await api.view(user.cookie, id)))[0]!.answer).toEqual(wrong);

    // Cleared with null, twice: no row, shown unanswered.
    for (let round = 0; round < 2; round += 1) expect((await api.answer(user.cookie, id, first!.question.id, { answer: null })).status).toBe(200);
    expect(await prisma.quizAnswer.count({ where: { attemptId, questionId: first!.question.id } })).toBe(0);
    expect(questionsOf(viewOf(await api.view(user.cookie, id)))[0]!.answer).toBeNull();
    expect(await prisma.quizAnswer.count({ where: { attemptId } })).toBe(1);
  });

  it("keeps a task's code as typed and flags as set, for a reload or another device", async () => {
    const user = await seedUser();
    const { id, view } = await begin(user);
    const task = tasksOf(view)[0]!;
    expect(task.task.code.length).toBeGreaterThan(0);
    expect(task.task).toMatchObject({ index: 0, savedAt: null, submittedAt: null, submittedCurrent: false });

    const code = `${task.task.code}\n# typed so far 中文\n`;
    const saved = await api.code(user.cookie, id, "0", { code });
    expect(saved.status).toBe(200);
    expect(savedOf(saved).submittedCurrent).toBe(false);
    expect((await api.code(user.cookie, id, "0", { code })).status).toBe(200);
    const resumed = tasksOf(viewOf(await api.view(user.cookie, id)))[0]!.task;
    expect(resumed.code).toBe(code);
    expect(resumed.savedAt).not.toBeNull();
    expect((await api.code(user.cookie, id, "0", { code: "" })).status).toBe(200);
    expect(tasksOf(viewOf(await api.view(user.cookie, id)))[0]!.task.code).toBe("");

    // Handed in, then the same code again: one submission; the editor holds it.
    const handedIn = "import asyncio\nprint('mine')\n";
    const submitted = await api.submit(user.cookie, id, "0", { code: handedIn });
    expect(submitted.status).toBe(200);
    expect((await api.submit(user.cookie, id, "0", { code: handedIn })).status).toBe(200);
    expect(await prisma.submission.count({ where: { interviewSessionId: id } })).toBe(1);
    expect(tasksOf(viewOf(await api.view(user.cookie, id)))[0]!.task).toMatchObject({ code: handedIn, submittedCurrent: true });
    expect(savedOf(await api.code(user.cookie, id, "0", { code: `${handedIn}# more\n` })).submittedCurrent).toBe(false);
    expect(savedOf(await api.code(user.cookie, id, "0", { code: handedIn })).submittedCurrent).toBe(true);

    const last = view.items.length - 1;
    expect(savedOf(await api.flag(user.cookie, id, { position: 2, flagged: true })).flagged).toEqual([2]);
    expect(savedOf(await api.flag(user.cookie, id, { position: 2, flagged: true })).flagged).toEqual([2]);
    expect(savedOf(await api.flag(user.cookie, id, { position: last, flagged: true })).flagged).toEqual([2, last]);
    expect(savedOf(await api.flag(user.cookie, id, { position: 0, flagged: false })).flagged).toEqual([2, last]);
    expect(savedOf(await api.flag(user.cookie, id, { position: 2, flagged: false })).flagged).toEqual([last]);
    const flagged = viewOf(await api.view(user.cookie, id)).items.filter((item) => item.flagged).map((item) => item.position);
    expect(flagged).toEqual([last]);
  });

  it("refuses what does not fit with a message in both languages, and stores nothing", async () => {
    const user = await seedUser();
    const { id, view, attemptId } = await begin(user);
    const question = questionsOf(view).find((item) => item.question.kind === "single_choice" || item.question.kind === "true_false")!.question;
    const before = await prisma.interviewSession.findUniqueOrThrow({ where: { id }, include: { tasks: true } });
    const refusals: [string, () => Promise<Sent>, number, RegExp][] = [
      ["no answer field", () => api.answer(user.cookie, id, question.id, {}), 400, /./],
      ["an unknown field", () => api.answer(user.cookie, id, question.id, { answer: null, extra: 1 }), 400, /./],
      ["another kind", () => api.answer(user.cookie, id, question.id, { answer: { kind: "ordering", order: [0, 1] } }), 400, /does not fit this kind/],
      ["a bad tab id", () => api.answer(user.cookie, id, question.id, { answer: null, tabId: "x" }), 400, /tab's id is not valid/],
      ["a question of the bank not drawn", () => api.answer(user.cookie, id, [...bank.keys()].find((other) => !view.items.some((item) => item.kind === "question" && item.question.id === other))!, { answer: null }), 400, /no such item/],
      ["a question id that is no id", () => api.answer(user.cookie, id, "nope", { answer: null }), 400, /no such item/],
      ["a task that is not there", () => api.code(user.cookie, id, "5", { code: "print(1)" }), 400, /no such item/],
      ["a task position that is no number", () => api.code(user.cookie, id, "first", { code: "print(1)" }), 400, /position is not valid/],
      ["code that is not a string", () => api.code(user.cookie, id, "0", { code: 42 }), 400, /./],
      ["code too long", () => api.code(user.cookie, id, "0", { code: "x".repeat(64 * 1024 + 1) }), 400, /64 KiB/],
      ["empty code handed in", () => api.submit(user.cookie, id, "0", { code: "  \n" }), 400, /The code is empty/],
      ["a flag past the items", () => api.flag(user.cookie, id, { position: view.items.length, flagged: true }), 400, /no such item/],
      ["a negative flag", () => api.flag(user.cookie, id, { position: -1, flagged: true }), 400, /position is not valid/],
      ["a flag that is no boolean", () => api.flag(user.cookie, id, { position: 0, flagged: "yes" }), 400, /either on or off/],
      ["a heartbeat with no tab", () => api.heartbeat(user.cookie, id, { position: 0 }), 400, /tab's id is not valid/],
      ["a start with no length", () => api.start(user.cookie, { level: "junior" }), 400, /Choose the interview's length/],
      ["a start with an unknown level", () => api.start(user.cookie, { format: "short", level: "guru" }), 400, /Choose a level/],
    ];
    for (const [name, send, status, message] of refusals) {
      const refused = await send();
      expect({ name, status: refused.status }).toEqual({ name, status });
      expect(refused.text, name).toMatch(message);
      const error = errorOf(refused);
      expect(error.message["zh-CN"].length, name).toBeGreaterThan(0);
      expect(JSON.stringify(error.issues ?? error.message), name).toMatch(/[\u4e00-\u9fff]/);
    }
    const raw = async (rawBody: string) =>
      codeRoute(jsonRequest(`/api/interviews/${id}/tasks/0`, { method: "PUT", rawBody, cookie: user.cookie }), routeContext({ id, position: "0" }));
    expect((await raw("{nope")).status).toBe(400);
    const huge = await raw(JSON.stringify({ code: "x".repeat(64 * 1024 * 7) }));
    expect(huge.status).toBe(413);

    expect(await prisma.quizAnswer.count({ where: { attemptId } })).toBe(0);
    expect(await prisma.submission.count({ where: { interviewSessionId: id } })).toBe(0);
    expect(await prisma.interviewSession.findUniqueOrThrow({ where: { id }, include: { tasks: true } })).toEqual(before);
  });
});

describe("who may reach an interview", () => {
  it("every route refuses the signed out (401) and everyone but its candidate, like an unknown id (404), and changes nothing", async () => {
    const candidate = await seedUser();
    const [student, teacher, admin] = await Promise.all([seedUser(), seedUser({ role: "TEACHER" }), seedUser({ role: "ADMIN" })]);
    const { id, view } = await begin(candidate);
    const questionId = questionsOf(view)[0]!.question.id;
    const calls = (target: string): [string, (cookie: string | undefined) => Promise<Sent>][] => [
      ["read", (cookie) => api.view(cookie, target)],
      ["answer", (cookie) => api.answer(cookie, target, questionId, { answer: null })],
      ["save code", (cookie) => api.code(cookie, target, "0", { code: "print(1)" })],
      ["hand a task in", (cookie) => api.submit(cookie, target, "0", { code: "print(1)" })],
      ["flag", (cookie) => api.flag(cookie, target, { position: 0, flagged: true })],
      ["heartbeat", (cookie) => api.heartbeat(cookie, target, { tabId: "tab-intruder-1", position: 0 })],
      ["finish", (cookie) => api.finish(cookie, target)],
      ["report", (cookie) => api.report(cookie, target)],
      ["share state", (cookie) => api.shareState(cookie, target)],
      ["share", (cookie) => api.share(cookie, target)],
      ["revoke", (cookie) => api.unshare(cookie, target)],
    ];
    const snapshot = async () => ({
      session: await prisma.interviewSession.findUniqueOrThrow({ where: { id }, include: { tasks: true } }),
      answers: await prisma.quizAnswer.count({ where: { attempt: { interviewSessionId: id } } }),
      submissions: await prisma.submission.count({ where: { interviewSessionId: id } }),
    });
    const before = await snapshot();
    for (const [name, send] of calls(id)) {
      expect({ name, status: (await send(undefined)).status }).toEqual({ name, status: 401 });
      for (const other of [student, teacher, admin]) {
        const refused = await send(other.cookie);
        expect({ name, role: other.role, status: refused.status }).toEqual({ name, role: other.role, status: 404 });
        expect(errorOf(refused).message).toEqual(NOT_FOUND);
      }
    }
    for (const target of [crypto.randomUUID(), "not-a-uuid"]) {
      for (const [name, send] of calls(target)) {
        const refused = await send(candidate.cookie);
        expect({ name, target, status: refused.status }).toEqual({ name, target, status: 404 });
        expect(errorOf(refused).message).toEqual(NOT_FOUND);
      }
    }
    expect((await api.start(undefined)).status).toBe(401);
    expect((await api.list(undefined)).status).toBe(401);
    expect(await snapshot()).toEqual(before);
    // The candidate still has it, untouched.
    expect((await api.view(candidate.cookie, id)).status).toBe(200);
  });
});

describe("the server's deadline", () => {
  it("refuses every save once it passed, whatever the page thinks, and changes nothing; the report then hands it in", async () => {
    const user = await seedUser();
    const { id, view, right } = await begin(user);
    const question = questionsOf(view)[0]!.question;
    await api.answer(user.cookie, id, question.id, { answer: right(question.id) });
    await api.code(user.cookie, id, "0", { code: "print('before the deadline')\n" });
    const endsAt = new Date(Date.now() - 1000);
    await prisma.interviewSession.update({ where: { id }, data: { endsAt } });
    const snapshot = async () => ({
      session: await prisma.interviewSession.findUniqueOrThrow({ where: { id }, include: { tasks: true } }),
      answers: await prisma.quizAnswer.findMany({ where: { attempt: { interviewSessionId: id } }, orderBy: { questionId: "asc" } }),
      submissions: await prisma.submission.count({ where: { interviewSessionId: id } }),
    });
    const before = await snapshot();
    const late = [
      await api.answer(user.cookie, id, question.id, { answer: wrongAnswer(question, right(question.id)) }),
      await api.answer(user.cookie, id, questionsOf(view)[1]!.question.id, { answer: right(questionsOf(view)[1]!.question.id) }),
      await api.answer(user.cookie, id, question.id, { answer: null }),
      await api.code(user.cookie, id, "0", { code: "print('after the deadline')\n" }),
      await api.submit(user.cookie, id, "0", { code: "print('after the deadline')\n" }),
      await api.flag(user.cookie, id, { position: 0, flagged: true }),
    ];
    for (const refused of late) {
      expect(refused.status).toBe(409);
      expect(errorOf(refused).message).toEqual(OVER);
    }
    expect(await snapshot()).toEqual(before);
    // A heartbeat is told the interview's state and the server's clock, and counts no time.
    const beat = heartbeatOf(await api.heartbeat(user.cookie, id, { tabId: "tab-late-0001", position: 0 }));
    expect(beat).toMatchObject({ status: "IN_PROGRESS", endsAt: endsAt.toISOString(), otherTab: false });
    expect(new Date(beat.serverNow).getTime()).toBeGreaterThan(endsAt.getTime());
    expect(await snapshot()).toEqual(before);

    // A new start does not resume it: it is over.
    const next = await api.start(user.cookie);
    expect(next.status).toBe(201);
    expect(idOf(next)).not.toBe(id);

    // Its report hands it in at its deadline, with the code as it stood: graded like any other.
    const report = reportOf(await api.report(user.cookie, id));
    expect(report).toMatchObject({ status: "EXPIRED", finishedAt: endsAt.toISOString(), grading: true, score: null });
    const submission = await prisma.submission.findFirstOrThrow({ where: { interviewSessionId: id } });
    expect(submission.code).toBe("print('before the deadline')\n");
    expect((await prisma.interviewSession.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
  });

  it("hands the interview in with no browser: the job runs at the deadline and a real grader grades the code left typed", async () => {
    const user = await seedUser();
    // A short length, with a wide margin for the saves made before it ends.
    const { id } = await startInterview(user.id, "en", { format: "short", level: "junior" }, { durationMs: 4000 });
    const session = await prisma.interviewSession.findUniqueOrThrow({ where: { id } });
    const jobs = await prisma.$queryRaw<{ run_at: Date; task_identifier: string }[]>`
      SELECT run_at, task_identifier FROM graphile_worker.jobs WHERE key = ${deadlineJobKey(id)}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.task_identifier).toBe("interview-deadline");
    expect(jobs[0]!.run_at.getTime()).toBe(session.endsAt.getTime());

    const task = await prisma.interviewTask.findFirstOrThrow({ where: { sessionId: id }, select: { itemId: true } });
    const reference = hidden.get(task.itemId)!.reference!;
    const view = viewOf(await api.view(user.cookie, id));
    const first = questionsOf(view)[0]!.question;
    const attempt = await prisma.quizAttempt.findFirstOrThrow({ where: { interviewSessionId: id }, select: { optionOrder: true } });
    const key = correctShownAnswer(bank.get(first.id)!, shownOrderOf(bank.get(first.id)!, ZOptionOrder.parse(attempt.optionOrder ?? {})));
    expect((await api.answer(user.cookie, id, first.id, { answer: key })).status).toBe(200);
    expect((await api.code(user.cookie, id, "0", { code: reference })).status).toBe(200);
    expect(await prisma.submission.count({ where: { interviewSessionId: id } })).toBe(0);

    // The deadline passes with no browser and no worker: nothing hands it in but the job.
    await expect.poll(() => Date.now(), { timeout: 30_000, interval: 100 }).toBeGreaterThan(session.endsAt.getTime());
    expect(await prisma.interviewSession.findUniqueOrThrow({ where: { id }, select: { status: true, finishedAt: true } })).toEqual({
      status: "IN_PROGRESS",
      finishedAt: null,
    });

    const worker = startWorker();
    workers.push(worker.process);
    try {
      await expect
        .poll(async () => (await prisma.interviewSession.findUniqueOrThrow({ where: { id }, select: { score: true } })).score, { timeout: 60_000, interval: 250 })
        .not.toBeNull();
    } catch (error) {
      console.error(worker.output());
      throw error;
    } finally {
      // The later tests' submissions stay queued: their states do not race a grader.
      killHard(worker.process);
    }
    const finished = await prisma.interviewSession.findUniqueOrThrow({ where: { id } });
    expect(finished).toMatchObject({ status: "EXPIRED", finishedAt: session.endsAt });
    const submissions = await prisma.submission.findMany({ where: { interviewSessionId: id } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ code: reference, status: "DONE", verdict: "PASSED", itemId: task.itemId });
    const questions = INTERVIEW_FORMATS.short.questions;
    expect(finished.score).toBe(interviewScore([1, ...Array.from({ length: questions - 1 }, () => 0)], [submissions[0]!.score!]));
    // Interview work counts for its report, not for the course's progress.
    expect(await prisma.progress.findUnique({ where: { userId_itemId: { userId: user.id, itemId: task.itemId } } })).toBeNull();
    const left = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${deadlineJobKey(id)}`;
    expect(Number(left[0]!.count)).toBe(0);

    const report = reportOf(await api.report(user.cookie, id));
    expect(report).toMatchObject({ status: "EXPIRED", grading: false, score: finished.score });
    expect(report.tasks[0]).toMatchObject({ attempted: true, code: reference, submission: { verdict: "PASSED", status: "DONE" } });
    expect(report.tasks[0]!.submission!.testResults.length).toBeGreaterThan(0);
    expect(report.tasks[0]!.submission!.testResults.every((test) => test.status === "PASSED")).toBe(true);
  }, 90_000);
});

describe("coding results held back", () => {
  it("a handed-in task's submission is nobody's while the interview runs, then only its candidate's; the exercise page never lists it", async () => {
    const candidate = await seedUser();
    const [student, teacher, admin] = await Promise.all([seedUser(), seedUser({ role: "TEACHER" }), seedUser({ role: "ADMIN" })]);
    const { id, view } = await begin(candidate);
    const itemId = tasksOf(view)[0]!.task.itemId;
    const { chapter } = await prisma.courseItem.findUniqueOrThrow({ where: { id: itemId }, select: { chapter: { select: { courseId: true } } } });
    await seedClass({ courseId: chapter.courseId, owner: teacher, students: [candidate] });

    expect((await api.submit(candidate.cookie, id, "0", { code: "import asyncio\nprint('first')\n" })).status).toBe(200);
    expect((await api.submit(candidate.cookie, id, "0", { code: "import asyncio\nprint('second')\n" })).status).toBe(200);
    const submissions = await prisma.submission.findMany({ where: { interviewSessionId: id }, orderBy: { queuedAt: "asc" } });
    expect(submissions).toHaveLength(2);
    const counted = await prisma.interviewTask.findFirstOrThrow({ where: { sessionId: id }, select: { submissionId: true } });
    expect(counted.submissionId).toBe(submissions[1]!.id);

    for (const submission of submissions) {
      for (const viewer of [candidate, student, teacher, admin]) expect((await api.submission(viewer.cookie, submission.id)).status).toBe(404);
    }
    const exercise = async () => (await getExercise(hidden.get(itemId)!.slug, candidate.id))!;
    expect((await exercise()).submissions).toEqual([]);

    expect((await api.finish(candidate.cookie, id)).status).toBe(200);
    for (const submission of submissions) {
      const own = await api.submission(candidate.cookie, submission.id);
      expect(own.status).toBe(200);
      expect((own.body as { submission: { id: string; code: string } }).submission).toMatchObject({ id: submission.id, code: submission.code });
      for (const viewer of [student, teacher, admin]) expect((await api.submission(viewer.cookie, submission.id)).status).toBe(404);
    }
    expect((await exercise()).submissions).toEqual([]);
    expect(await prisma.progress.count({ where: { userId: candidate.id } })).toBe(0);
  });
});

describe("finishing and the report", () => {
  it("hands in once, closes the interview to saves, and reports feedback, time per item, concepts and points", async () => {
    const user = await seedUser();
    const { id, view, right } = await begin(user);
    const questions = questionsOf(view);
    const tabId = "tab-report-01";
    const testStarted = Date.now();
    await api.heartbeat(user.cookie, id, { tabId, position: 0 });
    await pause(60);
    for (const item of questions) expect((await api.answer(user.cookie, id, item.question.id, { answer: right(item.question.id), tabId })).status).toBe(200);
    await api.heartbeat(user.cookie, id, { tabId, position: 1 });
    await pause(60);
    await api.heartbeat(user.cookie, id, { tabId, position: 1 });
    await pause(60);

    const finished = await api.finish(user.cookie, id);
    expect(finished.status).toBe(200);
    const once = await prisma.interviewSession.findUniqueOrThrow({ where: { id } });
    expect(once).toMatchObject({ status: "FINISHED", focusPosition: null });
    expect((await api.finish(user.cookie, id)).status).toBe(200);
    expect(await prisma.interviewSession.findUniqueOrThrow({ where: { id } })).toEqual(once);
    const jobs = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs WHERE key = ${deadlineJobKey(id)}`;
    expect(Number(jobs[0]!.count)).toBe(0);

    for (const late of [
      await api.answer(user.cookie, id, questions[0]!.question.id, { answer: null }),
      await api.code(user.cookie, id, "0", { code: "print(1)" }),
      await api.submit(user.cookie, id, "0", { code: "print(1)" }),
      await api.flag(user.cookie, id, { position: 0, flagged: true }),
    ]) {
      expect(late.status).toBe(409);
      expect(errorOf(late).message).toEqual(OVER);
    }
    expect(heartbeatOf(await api.heartbeat(user.cookie, id, { tabId, position: 3 })).status).toBe("FINISHED");
    expect(await prisma.interviewSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ itemSeconds: once.itemSeconds, status: "FINISHED" });

    const report = reportOf(await api.report(user.cookie, id));
    const elapsedSeconds = (Date.now() - testStarted) / 1000;
    expect(report).toMatchObject({ id, status: "FINISHED", grading: false, format: "short", level: "junior", minutes: 20 });
    // Every question right, the task untouched: 8 of 12 points.
    expect(report.points).toEqual({ earned: 8, total: 8 * 1 + 1 * 4, questionPoints: 1, taskPoints: 4 });
    expect(report.score).toBe(0.666667);
    expect(report.timeUsedSeconds).toBeGreaterThanOrEqual(0);
    expect(report.timeUsedSeconds).toBeLessThanOrEqual(Math.ceil(elapsedSeconds) + 1);
    expect(report.questions).toHaveLength(8);
    for (const [index, question] of report.questions.entries()) {
      const stored = bank.get(question.question.id)!;
      expect(question.position).toBe(index);
      expect(question.feedback).toMatchObject({ correct: true, score: 1, answer: right(stored.id), correctAnswer: right(stored.id), explanation: stored.explanation });
      expect(question.concepts).toEqual(stored.concepts);
    }
    // Time counted by the server: the items that were open, and only those.
    const seconds = report.questions.map((question) => question.seconds);
    expect(seconds[0]).toBeGreaterThan(0);
    expect(seconds[1]).toBeGreaterThan(0);
    expect(seconds.slice(2).every((value) => value === 0)).toBe(true);
    expect(seconds[0]! + seconds[1]!).toBeLessThanOrEqual(elapsedSeconds);
    expect(report.tasks).toHaveLength(1);
    expect(report.tasks[0]).toMatchObject({ position: 8, attempted: false, submission: null, seconds: 0 });

    // Concepts: those of the questions only are strong; the task's (0 of 4) need work, and practice covers them.
    const questionConcepts = new Set(report.questions.flatMap((question) => question.concepts));
    const allConcepts = new Set([...questionConcepts, ...report.tasks[0]!.concepts]);
    expect(new Set(report.concepts.map((concept) => concept.concept))).toEqual(allConcepts);
    for (const concept of report.concepts) {
      if (!report.tasks[0]!.concepts.includes(concept.concept)) expect(concept).toMatchObject({ strong: true, share: 1 });
    }
    const weak = report.concepts.filter((concept) => !concept.strong).map((concept) => concept.concept);
    for (const practice of report.practice) for (const concept of practice.concepts) expect(weak).toContain(concept);
    expect(report.practice.map((practice) => practice.slug)).not.toContain(report.tasks[0]!.slug);

    const history = (await api.list(user.cookie)).body as { interviews: TInterviewSummary[] };
    expect(history.interviews[0]).toMatchObject({ id, status: "FINISHED", score: 0.666667, running: false });
  });

  it("points a candidate who got everything wrong to exercises for every weak concept", async () => {
    const user = await seedUser();
    const { id, view, right } = await begin(user);
    for (const item of questionsOf(view)) {
      expect((await api.answer(user.cookie, id, item.question.id, { answer: wrongAnswer(item.question, right(item.question.id)) })).status).toBe(200);
    }
    await api.finish(user.cookie, id);
    const report = reportOf(await api.report(user.cookie, id));
    expect(report.score).toBe(0);
    expect(report.points).toMatchObject({ earned: 0, total: 12 });
    for (const question of report.questions) {
      expect(question.feedback).toMatchObject({ correct: false, score: 0 });
      expect(question.feedback.answer).not.toBeNull();
    }
    expect(report.concepts.length).toBeGreaterThan(0);
    expect(report.concepts.every((concept) => !concept.strong && concept.share === 0)).toBe(true);
    const weak = new Set(report.concepts.map((concept) => concept.concept));
    expect(report.practice.length).toBeGreaterThan(0);
    for (const practice of report.practice) {
      expect(practice.concepts.length).toBeGreaterThan(0);
      for (const concept of practice.concepts) expect(weak.has(concept)).toBe(true);
      expect(practice).toMatchObject({ solved: false });
    }
    expect(new Set(report.practice.map((practice) => practice.slug)).size).toBe(report.practice.length);
    expect(report.practice.map((practice) => practice.slug)).not.toContain(report.tasks[0]!.slug);
  });

  it("lists the candidate's interviews newest first, with their scores", async () => {
    const user = await seedUser();
    const first = await begin(user);
    const question = questionsOf(first.view)[0]!.question;
    await api.answer(user.cookie, first.id, question.id, { answer: first.right(question.id) });
    await api.finish(user.cookie, first.id);
    const second = await begin(user);
    await api.finish(user.cookie, second.id);
    const third = await begin(user);
    const list = await api.list(user.cookie);
    expect(list.status).toBe(200);
    const interviews = (list.body as { interviews: TInterviewSummary[] }).interviews;
    expect(interviews.map((entry) => entry.id)).toEqual([third.id, second.id, first.id]);
    expect(interviews.map((entry) => [entry.status, entry.score, entry.running])).toEqual([
      ["IN_PROGRESS", null, true],
      ["FINISHED", 0, false],
      ["FINISHED", interviewScore([1, 0, 0, 0, 0, 0, 0, 0], [0]), false],
    ]);
    expect((await api.list((await seedUser()).cookie)).body).toEqual({ interviews: [] });
  });
});

describe("another open tab", () => {
  it("is told to a tab while another reported within 20 s, and only the tab last seen counts time", async () => {
    const user = await seedUser();
    const { id } = await begin(user);
    const beat = async (tabId: string, position: number | null) => heartbeatOf(await api.heartbeat(user.cookie, id, { tabId, position }));
    expect((await beat("tab-A-000001", 0)).otherTab).toBe(false);
    await pause(40);
    expect((await beat("tab-A-000001", 0)).otherTab).toBe(false);
    const second = await beat("tab-B-000002", 3);
    expect(second.otherTab).toBe(true);
    expect(second).toMatchObject({ status: "IN_PROGRESS" });
    expect((await beat("tab-A-000001", 0)).otherTab).toBe(true);
    expect((await beat("tab-A-000001", 0)).otherTab).toBe(false);
    // A save names its tab too.
    const saved = savedOf(await api.code(user.cookie, id, "0", { code: "print('from B')\n", tabId: "tab-B-000002" }));
    expect(saved.otherTab).toBe(true);

    const session = await prisma.interviewSession.findUniqueOrThrow({ where: { id } });
    expect(session.itemSeconds[0]).toBeGreaterThan(0);
    expect(session.itemSeconds[3]).toBe(0);
    expect(session.activeTabId).toBe("tab-B-000002");
    // Long silent, the other tab is not "open" any more.
    await prisma.interviewSession.update({ where: { id }, data: { activeTabSeenAt: new Date(Date.now() - 21_000) } });
    expect((await beat("tab-A-000001", 0)).otherTab).toBe(false);
  });
});

describe("sharing a report", () => {
  it("makes one unguessable read-only link, signed out included, that stops working once revoked", async () => {
    const user = await seedUser({ name: "Candidate Name" });
    const stranger = await seedUser();
    const { id } = await begin(user);
    const running = await api.share(user.cookie, id);
    expect(running.status).toBe(409);
    expect(errorOf(running).message.en).toContain("once the interview is over");
    await api.finish(user.cookie, id);

    expect(shareOf(await api.shareState(user.cookie, id))).toEqual({ token: null, sharedAt: null });
    const shared = shareOf(await api.share(user.cookie, id));
    expect(shared.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(shared.sharedAt).not.toBeNull();
    expect(shareOf(await api.share(user.cookie, id))).toEqual(shared);
    expect(shareOf(await api.shareState(user.cookie, id))).toEqual(shared);
    const token = shared.token!;

    const own = reportOf(await api.report(user.cookie, id));
    for (const cookie of [undefined, stranger.cookie]) {
      const read = await api.shared(cookie, token);
      expect(read.status).toBe(200);
      const body = (read.body as { shared: TSharedReport }).shared;
      expect(body.candidate).toBe("Candidate Name");
      expect(body.report).toEqual(own);
      expect(body.report.questions[0]!.feedback.explanation).toEqual(bank.get(body.report.questions[0]!.question.id)!.explanation);
    }

    // Someone else can neither share nor revoke it.
    expect((await api.share(stranger.cookie, id)).status).toBe(404);
    expect((await api.unshare(stranger.cookie, id)).status).toBe(404);
    expect((await api.shared(undefined, token)).status).toBe(200);

    expect(shareOf(await api.unshare(user.cookie, id))).toEqual({ token: null, sharedAt: null });
    const revoked = await api.shared(undefined, token);
    expect(revoked.status).toBe(404);
    expect(errorOf(revoked).message).toEqual(SHARE_NOT_FOUND);

    const again = shareOf(await api.share(user.cookie, id)).token!;
    expect(again).not.toBe(token);
    expect((await api.shared(undefined, token)).status).toBe(404);
    expect((await api.shared(undefined, again)).status).toBe(200);

    for (const malformed of ["abc", `${again}x`, `${again.slice(0, 31)}!`, "../../etc/passwd", "A".repeat(32)]) {
      const refused = await api.shared(undefined, malformed);
      expect({ malformed, status: refused.status }).toEqual({ malformed, status: 404 });
      expect(errorOf(refused).message).toEqual(SHARE_NOT_FOUND);
    }
  });
});

describe("races and repeats", () => {
  const logger = () => undefined;

  it("two starts at once make one interview", async () => {
    const user = await seedUser();
    const [first, second] = await Promise.all([api.start(user.cookie), api.start(user.cookie)]);
    expect([first!.status, second!.status].sort()).toEqual([200, 201]);
    expect(idOf(first!)).toBe(idOf(second!));
    expect(await prisma.interviewSession.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("the same save sent many times at once is one answer", async () => {
    const user = await seedUser();
    const { id, view, attemptId, right } = await begin(user);
    const question = questionsOf(view)[0]!.question;
    const saves = await Promise.all(Array.from({ length: 6 }, () => api.answer(user.cookie, id, question.id, { answer: right(question.id) })));
    expect(saves.map((save) => save.status)).toEqual(saves.map(() => 200));
    expect(await prisma.quizAnswer.count({ where: { attemptId } })).toBe(1);
  });

  it("a save racing the hand-in either lands before it (and is in the report) or is refused", async () => {
    const user = await seedUser();
    const { id, view, right } = await begin(user);
    const questions = questionsOf(view);
    const [finished, ...saves] = await Promise.all([
      api.finish(user.cookie, id),
      ...questions.map((item) => api.answer(user.cookie, id, item.question.id, { answer: right(item.question.id) })),
    ]);
    expect(finished!.status).toBe(200);
    for (const save of saves) expect([200, 409]).toContain(save.status);
    const report = reportOf(await api.report(user.cookie, id));
    const landed = questions.filter((_, index) => saves[index]!.status === 200).map((item) => item.question.id);
    expect(report.questions.filter((question) => question.feedback.answer !== null).map((question) => question.question.id)).toEqual(landed);
    expect(report.points.earned).toBe(landed.length);
  });

  it("the candidate's hand-in and the deadline's job: whichever comes first, once; a second delivery changes nothing", async () => {
    const user = await seedUser();
    const { id } = await begin(user);
    const results = await Promise.all([finishInterview(id, "candidate"), finishInterview(id, "deadline")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const once = await prisma.interviewSession.findUniqueOrThrow({ where: { id } });
    expect(["FINISHED", "EXPIRED"]).toContain(once.status);
    await interviewDeadlineJob({ sessionId: id }, logger);
    await interviewDeadlineJob({ sessionId: id }, logger);
    expect(await prisma.interviewSession.findUniqueOrThrow({ where: { id } })).toEqual(once);
    await expect(interviewDeadlineJob({ sessionId: "not-a-uuid" }, logger)).rejects.toThrow();
  });

  it("a hand-in after the deadline counts as ended by the clock, at the deadline", async () => {
    const user = await seedUser();
    const { id } = await begin(user);
    const endsAt = new Date(Date.now() - 5000);
    await prisma.interviewSession.update({ where: { id }, data: { endsAt } });
    expect((await api.finish(user.cookie, id)).status).toBe(200);
    expect(await prisma.interviewSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "EXPIRED", finishedAt: endsAt });
  });

  it("at the hand-in, a task's code is submitted only when it is not the code already handed in, nor left as it started", async () => {
    const submissionsOf = (id: string) => prisma.submission.findMany({ where: { interviewSessionId: id }, orderBy: { queuedAt: "asc" }, select: { id: true, code: true } });
    const counted = async (id: string) => (await prisma.interviewTask.findFirstOrThrow({ where: { sessionId: id }, select: { submissionId: true } })).submissionId;

    // Handed in and not changed since: nothing more.
    const kept = await seedUser();
    const first = await begin(kept);
    await api.submit(kept.cookie, first.id, "0", { code: "print('final')\n" });
    await api.finish(kept.cookie, first.id);
    expect((await submissionsOf(first.id)).map((submission) => submission.code)).toEqual(["print('final')\n"]);

    // Changed after handing in: the code as it stands is submitted and counts.
    const changed = await seedUser();
    const second = await begin(changed);
    await api.submit(changed.cookie, second.id, "0", { code: "print('first try')\n" });
    await api.code(changed.cookie, second.id, "0", { code: "print('second try')\n" });
    await api.finish(changed.cookie, second.id);
    const both = await submissionsOf(second.id);
    expect(both.map((submission) => submission.code)).toEqual(["print('first try')\n", "print('second try')\n"]);
    expect(await counted(second.id)).toBe(both[1]!.id);

    // Put back to the starter (in the other language, with blanks around): never attempted.
    const untouched = await seedUser();
    const third = await begin(untouched);
    const item = await prisma.interviewTask.findFirstOrThrow({ where: { sessionId: third.id }, select: { item: { select: { content: true } } } });
    const starter = (item.item.content as { starter: TBilingual }).starter;
    await api.code(untouched.cookie, third.id, "0", { code: "print('something')\n" });
    await api.code(untouched.cookie, third.id, "0", { code: `\n${starter.en}\n\n` });
    await api.finish(untouched.cookie, third.id);
    expect(await submissionsOf(third.id)).toEqual([]);
    expect(reportOf(await api.report(untouched.cookie, third.id)).tasks[0]).toMatchObject({ attempted: false, submission: null });
  });

  it("a grader fault is never scored against the candidate: the task is left out of the score", async () => {
    const user = await seedUser();
    const { id, view, right } = await begin(user);
    const question = questionsOf(view)[0]!.question;
    await api.answer(user.cookie, id, question.id, { answer: right(question.id) });
    await api.submit(user.cookie, id, "0", { code: "import asyncio\nprint('mine')\n" });
    await api.finish(user.cookie, id);
    const pending = reportOf(await api.report(user.cookie, id));
    expect(pending).toMatchObject({ grading: true, score: null, concepts: [], practice: [] });

    const submission = await prisma.submission.findFirstOrThrow({ where: { interviewSessionId: id }, select: { id: true } });
    const fault = graderErrorResult({ "zh-CN": "评测系统出错。", en: "The grader failed." }, "grader-error", true);
    await recordGradingResult(submission.id, fault, { startedAt: new Date(), finishedAt: new Date(), contentHash: null });
    const questions = INTERVIEW_FORMATS.short.questions;
    // 1 of the 8 questions' points; the task is worth nothing either way.
    expect((await prisma.interviewSession.findUniqueOrThrow({ where: { id } })).score).toBe(interviewScore([1, ...Array.from({ length: questions - 1 }, () => 0)], []));
    const report = reportOf(await api.report(user.cookie, id));
    expect(report).toMatchObject({ grading: false, score: 0.125, points: { earned: 1, total: questions } });
    expect(report.tasks[0]!.submission).toMatchObject({ status: "DONE", verdict: "GRADER_ERROR" });
  });
});

// Practice quizzes against a real PostgreSQL with the real course content:
// no answer key reaches the browser before the answer is in (every body of
// every quiz endpoint and every page's data, compared with each question's
// actual key), then answering gives feedback once, finishing scores the
// attempt, and a retry is reshuffled.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as startRoute } from "@/app/api/quizzes/[slug]/attempts/route";
import { GET as getAttemptRoute } from "@/app/api/quiz-attempts/[id]/route";
import { POST as answerRoute } from "@/app/api/quiz-attempts/[id]/answers/route";
import { POST as finishRoute } from "@/app/api/quiz-attempts/[id]/finish/route";
import { prisma } from "@/lib/db/client";
import { loadContent, normalizeOutput } from "@/lib/content/load-content";
import type { TQuestion } from "@/lib/content/schemas";
import { syncContent } from "@/lib/content/sync-content";
import { createUser } from "@/lib/users/create-user";
import { getQuizAttempt } from "@/lib/quizzes/get-quiz-attempt";
import { getQuizOverview } from "@/lib/quizzes/get-quiz-overview";
import { listQuizzes } from "@/lib/quizzes/list-quizzes";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import type { TPublicQuestion } from "@/lib/quizzes/public-question";
import type { TQuestionFeedback } from "@/lib/quizzes/question-feedback";
import type { TShownAnswer } from "@/lib/quizzes/schemas";
import { isUuid } from "@/lib/ids";
import { jsonRequest, routeContext, sessionCookie } from "../support/requests";

const bank = new Map<string, TQuestion>();
let quizSlugs: string[] = [];

beforeAll(async () => {
  const content = await loadContent();
  await syncContent(content);
  for (const loaded of content.questions) bank.set(loaded.id, loaded.question);
  quizSlugs = content.courses.flatMap((course) => course.chapters.flatMap((chapter) => chapter.items.filter((item) => item.kind === "QUIZ").map((item) => item.slug)));
});

async function student(name: string) {
  const user = await createUser({ email: `${name}-${crypto.randomUUID()}@example.org`, password: "long enough" });
  return { user, cookie: await sessionCookie(user.id) };
}

type Sent = { status: number; body: unknown; text: string };
async function sent(response: Response): Promise<Sent> {
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as unknown, text };
}
const start = async (cookie: string | undefined, slug: string) =>
  sent(await startRoute(jsonRequest(`/api/quizzes/${slug}/attempts`, { cookie }), routeContext({ slug })));
const fetchAttempt = async (cookie: string | undefined, id: string) =>
  sent(await getAttemptRoute(jsonRequest(`/api/quiz-attempts/${id}`, { method: "GET", cookie }), routeContext({ id })));
const answer = async (cookie: string | undefined, id: string, body: unknown) =>
  sent(await answerRoute(jsonRequest(`/api/quiz-attempts/${id}/answers`, { body, cookie }), routeContext({ id })));
const answerRaw = async (cookie: string, id: string, rawBody: string) =>
  sent(await answerRoute(jsonRequest(`/api/quiz-attempts/${id}/answers`, { rawBody, cookie }), routeContext({ id })));
const finish = async (cookie: string | undefined, id: string) =>
  sent(await finishRoute(jsonRequest(`/api/quiz-attempts/${id}/finish`, { cookie }), routeContext({ id })));

const attemptOf = (response: Sent) => (response.body as { attempt: TQuizAttemptView }).attempt;
const feedbackOf = (response: Sent) => (response.body as { feedback: TQuestionFeedback }).feedback;
const errorOf = (response: Sent) => (response.body as { error: { code: string; message: { "zh-CN": string; en: string }; issues?: unknown[] } }).error;

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

/** Fields that only feedback may carry: none may hold a value before the question is answered. */
const KEY_FIELDS = ["answer", "correct", "correctAnswer", "accepted", "explanation", "references", "checkByRunning", "expectOutput", "interview", "feedback"];

/**
 * Nothing in `json` gives away the key of any of `questionIds`: no feedback
 * field holds a value, no explanation or typed key appears, every id is a
 * uuid (never the bank's option ids), and the shown options are bare texts.
 */
function expectNoKeys(json: string, questionIds: string[]) {
  const value: unknown = JSON.parse(json);
  for (const [key, entry] of entriesOf(value)) {
    if (KEY_FIELDS.includes(key)) expect(entry, `${key} before answering`).toBeNull();
    if (key === "id") expect(typeof entry === "string" && isUuid(entry), `id ${String(entry)}`).toBe(true);
    if (key === "options" || key === "items") {
      for (const option of entry as unknown[]) expect(Object.keys(option as object).sort()).toEqual(["en", "zh-CN"]);
    }
  }
  for (const id of questionIds) {
    const question = bank.get(id)!;
    expect(json).not.toContain(escaped(question.explanation["zh-CN"]));
    expect(json).not.toContain(escaped(question.explanation.en));
    const ownText = JSON.stringify({ prompt: question.prompt, code: question.code });
    const typed = [
      question.kind === "predict_output" && !question.options ? question.answer : null,
      question.kind === "fill_blank" ? (question.expectOutput ?? null) : null,
    ];
    for (const key of typed) {
      if (key !== null && !ownText.includes(escaped(normalizeOutput(key)))) expect(json, id).not.toContain(escaped(normalizeOutput(key)));
    }
  }
}

/** The position, in what the attempt shows, of the bank's right option; null for kinds without one. */
function rightPosition(shown: TPublicQuestion): number | null {
  const question = bank.get(shown.id)!;
  if (question.kind === "single_choice" && shown.kind === "single_choice") {
    const text = question.options.find((option) => option.id === question.answer)!.text;
    return shown.options.findIndex((option) => option.en === text.en && option["zh-CN"] === text["zh-CN"]);
  }
  if (question.kind === "predict_output" && question.options && shown.kind === "predict_output" && shown.outputs) {
    return shown.outputs.findIndex((output) => normalizeOutput(output) === normalizeOutput(question.answer));
  }
  return null;
}

/** The key, in the positions the attempt shows (read from the bank, as a student who knows the answer would). */
function rightAnswer(shown: TPublicQuestion): TShownAnswer {
  const question = bank.get(shown.id)!;
  const textIndex = (texts: { en: string }[], text: { en: string }) => texts.findIndex((entry) => entry.en === text.en);
  switch (question.kind) {
    case "single_choice":
      return { kind: "single_choice", option: rightPosition(shown)! };
    case "multiple_choice": {
      const options = shown.kind === "multiple_choice" ? shown.options : [];
      return { kind: "multiple_choice", options: question.answer.map((id) => textIndex(options, question.options.find((option) => option.id === id)!.text)) };
    }
    case "true_false":
      return { kind: "true_false", value: question.answer };
    case "predict_output":
      return question.options ? { kind: "predict_output", option: rightPosition(shown)! } : { kind: "predict_output", output: question.answer };
    case "predict_duration":
      return { kind: "predict_duration", seconds: question.answer };
    case "ordering": {
      const items = shown.kind === "ordering" ? shown.items : [];
      return { kind: "ordering", order: question.answer.map((id) => textIndex(items, question.items.find((item) => item.id === id)!.text)) };
    }
    case "fill_blank":
      return { kind: "fill_blank", blanks: question.answer.map((accepted) => accepted[accepted.length - 1]!) };
  }
}

describe("quiz answer keys before answering", () => {
  it("are absent from every response body of every quiz endpoint and every page's data, for every quiz", async () => {
    const { user, cookie } = await student("keys");
    expect(quizSlugs.length).toBe(9);
    for (const slug of quizSlugs) {
      const started = await start(cookie, slug);
      expect(started.status).toBe(201);
      const attempt = attemptOf(started);
      const ids = attempt.questions.map((entry) => entry.question.id);
      expect(ids.length).toBeGreaterThan(0);
      const resumed = await start(cookie, slug);
      expect(resumed.status).toBe(200);
      expect(attemptOf(resumed).id).toBe(attempt.id);
      const bodies = [
        started.text,
        resumed.text,
        (await fetchAttempt(cookie, attempt.id)).text,
        // A refused answer (a position past the list) is a response before answering too.
        (await answer(cookie, attempt.id, { questionId: ids[0], answer: { kind: bank.get(ids[0]!)!.kind, option: 25 } })).text,
        JSON.stringify(await getQuizAttempt(user.id, attempt.id)),
        JSON.stringify(await getQuizOverview(slug, user.id)),
        JSON.stringify(await getQuizOverview(slug, null)),
        JSON.stringify(await listQuizzes(user.id)),
      ];
      for (const body of bodies) expectNoKeys(body, ids);
    }
    expect(await prisma.quizAnswer.count({ where: { attempt: { userId: user.id } } })).toBe(0);
  });

  it("cannot be read from the shown order: the right option moves around and no ordering question starts solved", async () => {
    const { cookie } = await student("shuffle");
    const attempts = 24;
    let choiceTrials = 0;
    let rightShownFirst = 0;
    const orderingShown = new Map<string, { solved: number; authored: number; total: number }>();
    for (let round = 0; round < attempts; round += 1) {
      const attempt = attemptOf(await start(cookie, "quiz-coroutines"));
      for (const { question: shown } of attempt.questions) {
        const position = rightPosition(shown);
        if (position !== null) {
          expect(position).toBeGreaterThanOrEqual(0);
          choiceTrials += 1;
          if (position === 0) rightShownFirst += 1;
        }
        const question = bank.get(shown.id)!;
        if (question.kind === "ordering" && shown.kind === "ordering") {
          const order = question.items.map((item) => shown.items.findIndex((text) => text.en === item.text.en && text["zh-CN"] === item.text["zh-CN"]));
          const keyOrder = question.answer.map((id) => question.items.findIndex((item) => item.id === id));
          const tally = orderingShown.get(shown.id) ?? { solved: 0, authored: 0, total: 0 };
          tally.total += 1;
          // order[i] is where item i is shown; the key is solved when the key's items sit at 0, 1, 2…
          if (keyOrder.every((itemIndex, position) => order[itemIndex] === position)) tally.solved += 1;
          if (order.every((shownAt, itemIndex) => shownAt === itemIndex)) tally.authored += 1;
          orderingShown.set(shown.id, tally);
        }
      }
      expect((await finish(cookie, attempt.id)).status).toBe(200);
    }
    // The authors wrote the right option first ("a") almost always; shown first it is about one time in four.
    expect(choiceTrials).toBeGreaterThanOrEqual(attempts * 5);
    expect(rightShownFirst).toBeLessThan(choiceTrials / 2);
    expect(orderingShown.size).toBeGreaterThan(0);
    for (const tally of orderingShown.values()) {
      expect(tally.total).toBe(attempts);
      expect(tally.solved).toBe(0);
      expect(tally.authored).toBeLessThan(attempts);
    }
  });
});

describe("taking a quiz", () => {
  it("answers with feedback once per question, refuses what does not fit, finishes with the mean score, and retries reshuffled", async () => {
    const { user, cookie } = await student("taker");
    const started = attemptOf(await start(cookie, "quiz-coroutines"));
    const byKind = (kind: TQuestion["kind"], mode?: "typed" | "chosen") =>
      started.questions.find(
        (entry) =>
          entry.question.kind === kind &&
          (mode === undefined || (entry.question.kind === "predict_output" && (entry.question.outputs === null) === (mode === "typed"))),
      )!.question;
    expect(new Set(started.questions.map((entry) => entry.question.kind)).size).toBe(7);

    // Refused, and nothing stored: another kind, a position past the list, not every item, a blank short, a stranger question, bad JSON.
    const single = byKind("single_choice");
    const ordering = byKind("ordering");
    const fill = byKind("fill_blank");
    const typed = byKind("predict_output", "typed");
    const chosen = byKind("predict_output", "chosen");
    const refusals: [unknown, RegExp][] = [
      [{ questionId: single.id, answer: { kind: "true_false", value: true } }, /does not fit this kind/],
      [{ questionId: single.id, answer: { kind: "single_choice", option: 9 } }, /this question has 4/],
      [{ questionId: single.id, answer: { kind: "single_choice", option: -1 } }, /That option does not exist/],
      [{ questionId: single.id, answer: { kind: "single_choice" } }, /That option does not exist/],
      [{ questionId: ordering.id, answer: { kind: "ordering", order: [0, 1] } }, /all 3 items/],
      [{ questionId: ordering.id, answer: { kind: "ordering", order: [0, 0, 1] } }, /each exactly once/],
      [{ questionId: fill.id, answer: { kind: "fill_blank", blanks: ["async"] } }, /has 3 blanks/],
      [{ questionId: typed.id, answer: { kind: "predict_output", option: 0 } }, /write the program's output/],
      [{ questionId: chosen.id, answer: { kind: "predict_output", output: "x" } }, /choose one of the outputs/],
      [{ questionId: chosen.id, answer: { kind: "predict_output", option: 0, output: "x" } }, /one or the other/],
      [{ questionId: byKind("predict_duration").id, answer: { kind: "predict_duration", seconds: -1 } }, /0 or more/],
      [{ questionId: byKind("multiple_choice").id, answer: { kind: "multiple_choice", options: [] } }, /at least one/],
      [{ questionId: crypto.randomUUID(), answer: { kind: "true_false", value: true } }, /not part of this attempt/],
      [{ questionId: "nope", answer: { kind: "true_false", value: true } }, /question id/],
      [{ questionId: single.id, answer: { kind: "essay", text: "…" } }, /does not fit this kind/],
    ];
    for (const [body, message] of refusals) {
      const refused = await answer(cookie, started.id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.text, JSON.stringify(body)).toMatch(message);
      const error = errorOf(refused);
      expect(error.message["zh-CN"].length).toBeGreaterThan(0);
      expect(JSON.stringify(error.issues ?? error.message)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await answerRaw(cookie, started.id, "{nope")).status).toBe(400);
    expect(await prisma.quizAnswer.count({ where: { attemptId: started.id } })).toBe(0);

    // Right, partly right and wrong answers, each with its feedback.
    const right = feedbackOf(await answer(cookie, started.id, { questionId: single.id, answer: rightAnswer(single) }));
    expect(right).toMatchObject({ correct: true, score: 1, correctAnswer: rightAnswer(single) });
    expect(right.explanation).toEqual(bank.get(single.id)!.explanation);
    expect(right.references.length).toBe(bank.get(single.id)!.seeds.length);
    for (const reference of right.references) expect(reference.title).toEqual(expect.any(String));
    expect(right.references.some((reference) => reference.lesson !== null)).toBe(true);

    const multiple = byKind("multiple_choice");
    const multipleKey = rightAnswer(multiple);
    const partial = feedbackOf(
      await answer(cookie, started.id, { questionId: multiple.id, answer: { kind: "multiple_choice", options: multipleKey.kind === "multiple_choice" ? multipleKey.options.slice(0, 2) : [] } }),
    );
    expect(partial).toMatchObject({ correct: false, score: 0.5 });

    const typedKey = bank.get(typed.id)!;
    const wrong = feedbackOf(await answer(cookie, started.id, { questionId: typed.id, answer: { kind: "predict_output", output: "Hello\n" } }));
    expect(wrong).toMatchObject({ correct: false, score: 0, answer: { kind: "predict_output", output: "Hello\n" } });
    expect(wrong.correctAnswer).toEqual({ kind: "predict_output", output: typedKey.kind === "predict_output" ? typedKey.answer : "" });

    const blanks = feedbackOf(await answer(cookie, started.id, { questionId: fill.id, answer: { kind: "fill_blank", blanks: [" async ", "await", "gather"] } }));
    expect(blanks).toMatchObject({ correct: false, score: 0.666667, blanks: [true, true, false], accepted: [["async"], ["await"], ["run"]] });

    // One answer per question: the second is refused with a message in both languages, and the first stands.
    const again = await answer(cookie, started.id, { questionId: single.id, answer: { kind: "single_choice", option: 0 } });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toEqual({
      "zh-CN": expect.stringContaining("已经答过"),
      en: expect.stringContaining("already answered"),
    });
    // Two at once: exactly one is stored.
    const tf = byKind("true_false");
    const racing = await Promise.all([0, 1].map(() => answer(cookie, started.id, { questionId: tf.id, answer: { kind: "true_false", value: true } })));
    expect(racing.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await prisma.quizAnswer.count({ where: { attemptId: started.id } })).toBe(5);

    // Resuming: the answered questions come back with their feedback, the others without keys.
    const resumed = attemptOf(await fetchAttempt(cookie, started.id));
    const answered = resumed.questions.filter((entry) => entry.feedback !== null);
    expect(answered.map((entry) => entry.question.id).sort()).toEqual([single.id, multiple.id, typed.id, fill.id, tf.id].sort());
    expect(resumed.questions.find((entry) => entry.question.id === single.id)!.feedback).toMatchObject({ answer: rightAnswer(single), correct: true });
    const unansweredIds = resumed.questions.filter((entry) => entry.feedback === null).map((entry) => entry.question.id);
    expectNoKeys(JSON.stringify(resumed.questions.filter((entry) => entry.feedback === null)), unansweredIds);

    // Someone else's attempt is a 404 like an unknown id, for every endpoint; signed out is a 401.
    const other = await student("other");
    const unknown = crypto.randomUUID();
    for (const id of [started.id, unknown, "not-a-uuid"]) {
      for (const response of [
        await fetchAttempt(other.cookie, id),
        await answer(other.cookie, id, { questionId: single.id, answer: { kind: "single_choice", option: 0 } }),
        await finish(other.cookie, id),
      ]) {
        expect(response.status).toBe(404);
        expect(errorOf(response).message).toEqual({ "zh-CN": "找不到这次作答。", en: "No such quiz attempt." });
      }
    }
    expect((await fetchAttempt(undefined, started.id)).status).toBe(401);
    expect((await start(undefined, "quiz-coroutines")).status).toBe(401);
    expect((await start(cookie, "no-such-quiz")).status).toBe(404);
    expect(await prisma.quizAnswer.count({ where: { attemptId: started.id } })).toBe(5);

    // Finishing: the mean over every question, unanswered ones counting 0; then closed to answers.
    const tfKey = bank.get(tf.id)!;
    const tfScore = tfKey.kind === "true_false" && tfKey.answer ? 1 : 0;
    const finished = attemptOf(await finish(cookie, started.id));
    const expected = (1 + 0.5 + 0 + 0.666667 + tfScore) / started.questions.length;
    expect(finished.score).toBeCloseTo(expected, 5);
    expect(finished.submittedAt).not.toBeNull();
    expect(finished.questions.every((entry) => entry.feedback !== null)).toBe(true);
    expect(finished.questions.filter((entry) => entry.feedback!.answer === null).length).toBe(started.questions.length - 5);
    expect((await prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.id } })).score).toBeCloseTo(expected, 5);
    const late = await answer(cookie, started.id, { questionId: ordering.id, answer: rightAnswer(ordering) });
    expect(late.status).toBe(409);
    expect(errorOf(late).message.en).toContain("handed in");
    expect(attemptOf(await finish(cookie, started.id)).score).toBe(finished.score);
    expect(await prisma.quizAnswer.count({ where: { attemptId: started.id } })).toBe(5);

    // The quiz's page and the list show the score; a retry is a new attempt, shuffled anew.
    expect((await getQuizOverview("quiz-coroutines", user.id))!.bestScore).toBeCloseTo(expected, 5);
    expect((await listQuizzes(user.id)).find((entry) => entry.slug === "quiz-coroutines")).toMatchObject({ attempts: 1, open: false });
    const retry = await start(cookie, "quiz-coroutines");
    expect(retry.status).toBe(201);
    expect(attemptOf(retry).id).not.toBe(started.id);
    const orders = await prisma.quizAttempt.findMany({ where: { id: { in: [started.id, attemptOf(retry).id] } }, select: { optionOrder: true } });
    expect(orders[0]!.optionOrder).not.toEqual(orders[1]!.optionOrder);
    expectNoKeys(retry.text, attemptOf(retry).questions.map((entry) => entry.question.id));
  });

  it("starts one attempt when two starts race, and keeps mock-interview attempts out of reach", async () => {
    const { user, cookie } = await student("racer");
    const [first, second] = await Promise.all([start(cookie, "quiz-queues"), start(cookie, "quiz-queues")]);
    expect(attemptOf(first!).id).toBe(attemptOf(second!).id);
    expect([first!.status, second!.status].sort()).toEqual([200, 201]);
    expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1);

    const session = await prisma.interviewSession.create({ data: { userId: user.id, config: {}, endsAt: new Date(Date.now() + 3_600_000) } });
    const questionId = [...bank.values()].find((question) => question.kind === "true_false")!.id;
    const interview = await prisma.quizAttempt.create({ data: { userId: user.id, interviewSessionId: session.id, questionIds: [questionId], optionOrder: {} } });
    expect((await fetchAttempt(cookie, interview.id)).status).toBe(404);
    expect((await answer(cookie, interview.id, { questionId, answer: { kind: "true_false", value: true } })).status).toBe(404);
    expect((await finish(cookie, interview.id)).status).toBe(404);
  });
});

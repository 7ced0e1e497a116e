// While a candidate's mock interview runs, the rest of the platform does
// not give away what the interview holds back, for that candidate: its
// coding tasks' course pages show no hint nor reference and take no
// practice submission; practice quizzes neither show the key of one of its
// questions nor take an answer to it. Once it is over, all is as before.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as submitRoute } from "@/app/api/submissions/route";
import { POST as hintRoute } from "@/app/api/exercises/[id]/hints/route";
import { POST as startQuizRoute } from "@/app/api/quizzes/[slug]/attempts/route";
import { POST as answerRoute } from "@/app/api/quiz-attempts/[id]/answers/route";
import { POST as finishQuizRoute } from "@/app/api/quiz-attempts/[id]/finish/route";
import { GET as getAttemptRoute } from "@/app/api/quiz-attempts/[id]/route";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { getExercise } from "@/lib/catalogue/get-exercise";
import { startInterview } from "@/lib/interviews/start-interview";
import { finishInterview } from "@/lib/interviews/finish-interview";
import type { TQuizAttemptView } from "@/lib/quizzes/build-attempt-view";
import { jsonRequest, routeContext } from "../support/requests";
import { seedUser } from "../support/teaching";

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  await syncContent(await loadContent());
});

describe("a running interview locks what would give it away", () => {
  it("its coding task's course page, hints and practice submissions, until it is over", async () => {
    const candidate = await seedUser();
    const bystander = await seedUser();
    const { id } = await startInterview(candidate.id, "en", { format: "short", level: "senior" });
    const task = await prisma.interviewTask.findFirstOrThrow({ where: { sessionId: id }, select: { itemId: true, item: { select: { slug: true } } } });
    // Enough attempts that the reference would otherwise be unlocked.
    await prisma.progress.create({ data: { userId: candidate.id, itemId: task.itemId, attempts: 50 } });

    const locked = await getExercise(task.item.slug, candidate.id);
    expect(locked?.interviewLock).toBe(true);
    expect(locked?.reference).toBeNull();
    expect(locked?.hints.revealed).toEqual([]);
    expect((await getExercise(task.item.slug, bystander.id))?.interviewLock).toBe(false);

    const hint = await hintRoute(jsonRequest(`/api/exercises/${task.itemId}/hints`, { cookie: candidate.cookie }), routeContext({ id: task.itemId }));
    expect(hint.status).toBe(409);
    expect(((await hint.json()) as { error: { message: { en: string } } }).error.message.en).toMatch(/running mock interview/);
    const submit = await submitRoute(
      jsonRequest("/api/submissions", { cookie: candidate.cookie, body: { exerciseId: task.itemId, code: "print(1)\n" } }),
      routeContext({}),
    );
    expect(submit.status).toBe(409);
    expect(await prisma.submission.count({ where: { userId: candidate.id } })).toBe(0);

    await finishInterview(id, "candidate");
    const open = await getExercise(task.item.slug, candidate.id);
    expect(open?.interviewLock).toBe(false);
    expect(open?.reference).not.toBeNull();
  });

  it("a practice quiz's question that is in the interview: no key, no answer, until it is over", async () => {
    const candidate = await seedUser();
    const quiz = await prisma.courseItem.findFirstOrThrow({ where: { kind: "QUIZ", archivedAt: null }, orderBy: { slug: "asc" }, select: { slug: true, content: true } });
    const quizQuestions = (quiz.content as { questions: string[] }).questions;
    const { id } = await startInterview(candidate.id, "en", { format: "short", level: "junior" });
    // Make the interview hold the quiz's first question, whatever was drawn.
    const attempt = await prisma.quizAttempt.findFirstOrThrow({ where: { interviewSessionId: id } });
    await prisma.quizAttempt.update({ where: { id: attempt.id }, data: { questionIds: [quizQuestions[0]!, ...attempt.questionIds.slice(1)] } });

    const started = await startQuizRoute(jsonRequest(`/api/quizzes/${quiz.slug}/attempts`, { cookie: candidate.cookie }), routeContext({ slug: quiz.slug }));
    const practice = ((await started.json()) as { attempt: TQuizAttemptView }).attempt;
    const shared = practice.questions.find((entry) => entry.question.id === quizQuestions[0])!;
    const answerOf = (kind: string) =>
      ({
        single_choice: { kind, option: 0 },
        multiple_choice: { kind, options: [0] },
        true_false: { kind, value: true },
        predict_output: shared.question.kind === "predict_output" && shared.question.outputs ? { kind, option: 0 } : { kind, output: "x" },
        predict_duration: { kind, seconds: 1 },
        ordering: { kind, order: shared.question.kind === "ordering" ? shared.question.items.map((_, index) => index) : [] },
        fill_blank: { kind, blanks: Array.from({ length: shared.question.kind === "fill_blank" ? shared.question.blanks : 0 }, () => "x") },
      })[kind];
    const answer = () =>
      answerRoute(
        jsonRequest(`/api/quiz-attempts/${practice.id}/answers`, { cookie: candidate.cookie, body: { questionId: shared.question.id, answer: answerOf(shared.question.kind) } }),
        routeContext({ id: practice.id }),
      );
    const refused = await answer();
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toMatch(/running mock interview/);
    expect(text).not.toContain('"correctAnswer"');

    // Handing the practice quiz in meanwhile: its review shows every key but that one.
    const finished = await finishQuizRoute(jsonRequest(`/api/quiz-attempts/${practice.id}/finish`, { cookie: candidate.cookie }), routeContext({ id: practice.id }));
    const review = ((await finished.json()) as { attempt: TQuizAttemptView }).attempt;
    expect(review.questions.find((entry) => entry.question.id === shared.question.id)?.feedback).toBeNull();
    const inInterview = new Set((await prisma.quizAttempt.findFirstOrThrow({ where: { interviewSessionId: id } })).questionIds);
    for (const entry of review.questions) expect(entry.feedback === null).toBe(inInterview.has(entry.question.id));

    await finishInterview(id, "candidate");
    const after = await getAttemptRoute(jsonRequest(`/api/quiz-attempts/${practice.id}`, { method: "GET", cookie: candidate.cookie }), routeContext({ id: practice.id }));
    const reviewAfter = ((await after.json()) as { attempt: TQuizAttemptView }).attempt;
    expect(reviewAfter.questions.every((entry) => entry.feedback !== null)).toBe(true);
  });
});

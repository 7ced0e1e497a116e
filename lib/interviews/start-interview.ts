/**
 * Starts a mock interview, or resumes the one the candidate has running
 * (one at a time: a double click or a second tab does not start two). The
 * draw, the options' order and each task's starter are stored with it, and
 * so is the job that hands it in at its deadline, in the same transaction:
 * it is submitted then even if no browser is open.
 */
import { randomInt } from "node:crypto";
import { prisma } from "../db/client";
import type { Locale } from "../i18n/locales";
import { addJob } from "../queue/queue";
import { loadQuestions } from "../quizzes/find-quiz";
import { drawOptionOrder, secureRandomInt, type RandomInt } from "../quizzes/shuffle-options";
import { drawInterview } from "./draw-interview";
import { openAt } from "./find-interview";
import { INTERVIEW_FORMATS } from "./formats";
import { INTERVIEW_DEADLINE_TASK, type TInterviewConfig, type TStartInterviewRequest } from "./schemas";
import { starterOf } from "./task-content";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";

export const deadlineJobKey = (sessionId: string) => `interview-deadline:${sessionId}`;

export type StartOptions = {
  now?: Date;
  /** Only for benchmarks and tests: a length other than the format's. */
  durationMs?: number;
  seed?: number;
  random?: RandomInt;
};

export async function startInterview(
  userId: string,
  locale: Locale,
  request: TStartInterviewRequest,
  options: StartOptions = {},
): Promise<{ id: string; created: boolean }> {
  const format = INTERVIEW_FORMATS[request.format];
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`interview:${userId}`}))`;
    const now = options.now ?? new Date();
    const running = await tx.interviewSession.findFirst({
      where: { userId, ...openAt(now) },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    if (running) return { id: running.id, created: false };

    const seed = options.seed ?? randomInt(0, 2 ** 31);
    const draw = await drawInterview(request.format, request.level, seed, tx);
    if (draw.questionIds.length === 0 && draw.taskItemIds.length === 0) {
      throw new AppError("CONFLICT", bilingual("interview.error.emptyBank"));
    }
    const [questions, tasks] = await Promise.all([
      loadQuestions(draw.questionIds, tx),
      tx.courseItem.findMany({ where: { id: { in: draw.taskItemIds } }, select: { id: true, content: true } }),
    ]);
    const config: TInterviewConfig = { format: request.format, level: request.level, seed, minutes: format.minutes, taskItemIds: draw.taskItemIds };
    const endsAt = new Date(now.getTime() + (options.durationMs ?? format.minutes * 60_000));
    const session = await tx.interviewSession.create({
      data: {
        userId,
        config,
        startedAt: now,
        endsAt,
        itemSeconds: Array.from({ length: draw.questionIds.length + draw.taskItemIds.length }, () => 0),
      },
      select: { id: true },
    });
    await tx.quizAttempt.create({
      data: {
        userId,
        interviewSessionId: session.id,
        startedAt: now,
        questionIds: draw.questionIds,
        optionOrder: drawOptionOrder(
          draw.questionIds.flatMap((id) => {
            const stored = questions.get(id);
            return stored ? [stored.question] : [];
          }),
          options.random ?? secureRandomInt,
        ),
      },
    });
    const contentOf = new Map(tasks.map((task) => [task.id, task.content]));
    await tx.interviewTask.createMany({
      data: draw.taskItemIds.map((itemId, position) => ({
        sessionId: session.id,
        position,
        itemId,
        code: starterOf(contentOf.get(itemId))[locale],
      })),
    });
    await addJob(tx, INTERVIEW_DEADLINE_TASK, { sessionId: session.id }, { runAt: endsAt, jobKey: deadlineJobKey(session.id), maxAttempts: 25 });
    return { id: session.id, created: true };
  });
}

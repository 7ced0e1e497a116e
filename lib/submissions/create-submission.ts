/**
 * A student submits code: the submission (QUEUED) and its grading job are
 * written in one transaction, so there is never a job without a submission
 * nor a submission nobody will grade. The job starts within milliseconds
 * (graphile-worker's LISTEN/NOTIFY).
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { spendOrThrow } from "../http/rate-limit";
import { addJob } from "../queue/queue";
import { isRunningInterviewTask, lockedDuringInterview } from "../interviews/running-task";
import { GRADE_TASK, type TCreateSubmissionRequest } from "./schemas";

export const RATE_WINDOW_SECONDS = 60;
/** Job attempts before a grader fault becomes GRADER_ERROR for the student. */
export function gradeMaxAttempts(): number {
  return Number(process.env.GRADER_MAX_ATTEMPTS ?? "") || 4;
}

export function submissionRateLimit(): number {
  return Number(process.env.SUBMISSIONS_PER_MINUTE ?? "") || 20;
}

export async function createSubmission(userId: string, request: TCreateSubmissionRequest) {
  const exercise = await prisma.courseItem.findFirst({
    where: { id: request.exerciseId, kind: "EXERCISE", archivedAt: null },
    select: { id: true, contentHash: true },
  });
  if (!exercise) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  // Its verdict would tell what the interview holds back: hand it in there instead.
  if (await isRunningInterviewTask(userId, exercise.id)) throw lockedDuringInterview();

  // One atomic statement decides (lib/http/rate-limit.ts): parallel submissions cannot all pass.
  const limit = submissionRateLimit();
  await spendOrThrow([{ key: `submit:user:${userId}`, bucket: { capacity: limit, perSecond: limit / RATE_WINDOW_SECONDS } }], (seconds) =>
    bilingual("error.rateLimited", () => ({ limit, seconds })),
  );

  return prisma.$transaction(async (tx) => {
    const submission = await tx.submission.create({
      data: { userId, itemId: exercise.id, code: request.code, status: "QUEUED" },
      select: { id: true, status: true, queuedAt: true },
    });
    await enqueueGrading(tx, submission.id, `grade:${userId}:${exercise.id}`);
    return submission;
  });
}

/**
 * One named queue per student and exercise: a student's submissions to one
 * exercise are graded one after another, in the order they came.
 */
export async function enqueueGrading(tx: Parameters<typeof addJob>[0], submissionId: string, queueName: string): Promise<void> {
  await addJob(tx, GRADE_TASK, { submissionId }, { queueName, maxAttempts: gradeMaxAttempts() });
}

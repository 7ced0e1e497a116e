/**
 * The reference solution's timelines, for a student who may see the
 * reference (solved, or tried often enough): graded once per version of the
 * exercise by the worker (grader/tasks/grade-reference.ts) and kept beside
 * the grading material. Asking before it exists queues that grading (one
 * job per exercise, however many ask) and answers "pending".
 */
import { z } from "zod";
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import { isRunningInterviewTask, lockedDuringInterview } from "../interviews/running-task";
import { addJob } from "../queue/queue";
import { ZTrace } from "../../grader/result";
import { referenceUnlocked } from "./hint-unlocks";

export const GRADE_REFERENCE_TASK = "grade_reference";
export const ZGradeReferencePayload = z.object({ exerciseId: z.uuid() });

export const ZReferenceResult = z.object({
  tests: z.array(
    z.object({
      testId: z.string(),
      name: z.object({ "zh-CN": z.string(), en: z.string() }),
      status: z.string(),
      duration: z.number().nullable(),
      trace: ZTrace.nullable(),
    }),
  ),
});
export type TReferenceResult = z.infer<typeof ZReferenceResult>;

export async function getReferenceTimeline(userId: string, exerciseId: string): Promise<{ status: "ready"; result: TReferenceResult } | { status: "pending" }> {
  if (!isUuid(exerciseId)) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  const item = await prisma.courseItem.findFirst({
    where: { id: exerciseId, kind: "EXERCISE", archivedAt: null },
    select: {
      contentHash: true,
      chapter: { select: { course: { select: { referenceAfterAttempts: true } } } },
      grading: { select: { referenceResult: true, referenceResultHash: true } },
      progress: { where: { userId }, select: { attempts: true, solvedAt: true } },
    },
  });
  if (!item?.grading) throw new AppError("NOT_FOUND", bilingual("error.exerciseNotFound"));
  const progress = item.progress[0];
  if (!referenceUnlocked({ attempts: progress?.attempts ?? 0, solved: Boolean(progress?.solvedAt) }, item.chapter.course.referenceAfterAttempts)) {
    throw new AppError("FORBIDDEN", bilingual("error.referenceLocked"));
  }
  if (await isRunningInterviewTask(userId, exerciseId)) throw lockedDuringInterview();
  if (item.grading.referenceResultHash === item.contentHash) {
    const stored = ZReferenceResult.safeParse(item.grading.referenceResult);
    if (stored.success) return { status: "ready", result: stored.data };
  }
  // One job per exercise: a second asker joins the queued one (job_key).
  await addJob(prisma, GRADE_REFERENCE_TASK, { exerciseId }, { jobKey: `reference:${exerciseId}`, maxAttempts: 3 });
  return { status: "pending" };
}

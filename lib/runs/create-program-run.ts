/**
 * "Run": the student's program executed in the sandbox without tests. It is
 * never scored nor counted as an attempt, and has its own, roomier rate
 * limit than submissions (a student runs often while working). The run and
 * its job are written in one transaction, like a submission's.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { spendOrThrow } from "../http/rate-limit";
import { addJob } from "../queue/queue";
import { gradeMaxAttempts } from "../submissions/create-submission";
import { RUN_TASK, type TCreateProgramRunRequest } from "./schemas";

const RATE_WINDOW_SECONDS = 60;

export function runRateLimit(): number {
  return Number(process.env.RUNS_PER_MINUTE ?? "") || 60;
}

export async function createProgramRun(userId: string, request: TCreateProgramRunRequest) {
  const item = await prisma.courseItem.findFirst({
    where: { id: request.itemId, kind: { in: ["EXERCISE", "LESSON"] }, archivedAt: null },
    select: { id: true },
  });
  if (!item) throw new AppError("NOT_FOUND", bilingual("error.itemNotFound"));

  const limit = runRateLimit();
  await spendOrThrow([{ key: `run:user:${userId}`, bucket: { capacity: limit, perSecond: limit / RATE_WINDOW_SECONDS } }], (seconds) =>
    bilingual("error.runRateLimited", () => ({ limit, seconds })),
  );

  return prisma.$transaction(async (tx) => {
    const run = await tx.programRun.create({
      data: { userId, itemId: item.id, code: request.code, status: "QUEUED" },
      select: { id: true, status: true, queuedAt: true },
    });
    // One queue per student: their runs execute one after another, in order.
    await addJob(tx, RUN_TASK, { runId: run.id }, { queueName: `run:${userId}`, maxAttempts: gradeMaxAttempts() });
    return run;
  });
}

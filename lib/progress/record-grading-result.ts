/**
 * Where a verdict lands: the submission, its per-test results and the
 * student's progress on the exercise, in one transaction. Writing twice
 * (a job delivered twice) changes nothing: a finished submission is left alone.
 */
import { prisma } from "../db/client";
import type { Prisma } from "../db/client";
import type { TGradingResult } from "../../grader/result";

const testStatus = { passed: "PASSED", failed: "FAILED", error: "ERROR", skipped: "SKIPPED" } as const;

export type PhaseTimings = { queuedAt: string; startedAt: string; finishedAt: string; gradingMs: number; harness: Record<string, number> };

export async function recordGradingResult(
  submissionId: string,
  result: TGradingResult,
  timings: { startedAt: Date; finishedAt: Date; contentHash: string | null },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // Row lock: of two writers racing on one submission, the second sees DONE.
    await tx.$queryRaw`SELECT 1 FROM "Submission" WHERE id = ${submissionId}::uuid FOR UPDATE`;
    const submission = await tx.submission.findUnique({
      where: { id: submissionId },
      select: { status: true, userId: true, itemId: true, queuedAt: true, regradeOfId: true },
    });
    if (!submission || submission.status === "DONE") return false;
    const phaseTimings: PhaseTimings = {
      queuedAt: submission.queuedAt.toISOString(),
      startedAt: timings.startedAt.toISOString(),
      finishedAt: timings.finishedAt.toISOString(),
      gradingMs: timings.finishedAt.getTime() - timings.startedAt.getTime(),
      harness: result.timings,
    };
    const { trace, stdout, stderr, ...rest } = result;
    await tx.submission.update({
      where: { id: submissionId },
      data: {
        status: "DONE",
        verdict: result.verdict,
        score: result.score ?? 0,
        finishedAt: timings.finishedAt,
        contentHash: timings.contentHash,
        stdout,
        stderr,
        messageZh: result.message?.zh ?? null,
        messageEn: result.message?.en ?? null,
        trace: (trace ?? undefined) as Prisma.InputJsonValue | undefined,
        phaseTimings: phaseTimings as unknown as Prisma.InputJsonValue,
        result: rest as unknown as Prisma.InputJsonValue,
      },
    });
    await tx.testResult.deleteMany({ where: { submissionId } });
    if (result.tests.length > 0) {
      await tx.testResult.createMany({
        data: result.tests.map((test, position) => ({
          submissionId,
          testId: test.id,
          position,
          nameZh: test.name.zh,
          nameEn: test.name.en,
          status: testStatus[test.status],
          weight: test.weight,
          messageZh: test.message?.zh ?? null,
          messageEn: test.message?.en ?? null,
          durationSeconds: test.duration,
        })),
      });
    }
    // A fault of ours is never counted against the student.
    if (result.verdict !== "GRADER_ERROR") {
      const score = result.score ?? 0;
      const existing = await tx.progress.findUnique({
        where: { userId_itemId: { userId: submission.userId, itemId: submission.itemId } },
        select: { bestScore: true, solvedAt: true },
      });
      await tx.progress.upsert({
        where: { userId_itemId: { userId: submission.userId, itemId: submission.itemId } },
        create: {
          userId: submission.userId,
          itemId: submission.itemId,
          bestScore: score,
          attempts: submission.regradeOfId ? 0 : 1,
          lastAttemptAt: timings.finishedAt,
          solvedAt: result.verdict === "PASSED" ? timings.finishedAt : null,
        },
        update: {
          bestScore: Math.max(existing?.bestScore ?? 0, score),
          // A regrade is not a new attempt of the student's.
          attempts: { increment: submission.regradeOfId ? 0 : 1 },
          lastAttemptAt: timings.finishedAt,
          solvedAt: existing?.solvedAt ?? (result.verdict === "PASSED" ? timings.finishedAt : null),
        },
      });
    }
    await tx.$executeRaw`SELECT pg_notify('submission_updates', ${submissionId}::text)`;
    return true;
  });
}

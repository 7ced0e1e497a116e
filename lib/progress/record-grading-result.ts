/**
 * Where a verdict lands: the submission, its per-test results (each with its
 * own trace, output and error) and the student's progress on the exercise,
 * in one transaction. Writing twice (a job delivered twice) changes nothing:
 * a finished submission is left alone.
 */
import { prisma } from "../db/client";
import type { Prisma } from "../db/client";
import type { TGradingResult } from "../../grader/result";
import { noteBatchGrading, recomputeProgress } from "../regrades/note-batch-grading";
import { settleInterviewScore } from "../interviews/finish-interview";

const testStatus = { passed: "PASSED", failed: "FAILED", error: "ERROR", skipped: "SKIPPED" } as const;

/**
 * PostgreSQL refuses NUL in text and in jsonb strings; a program may print
 * one. It is stored as U+FFFD, so what the student printed can never keep
 * their verdict from being written.
 */
function storable<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "\ufffd") as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storable(key), storable(inner)])) as T;
  }
  return value;
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === null || value === undefined ? undefined : (storable(value) as Prisma.InputJsonValue);
}

export type PhaseTimings = { queuedAt: string; startedAt: string; finishedAt: string; gradingMs: number; harness: Record<string, number> };

export async function recordGradingResult(
  submissionId: string,
  result: TGradingResult,
  timings: { startedAt: Date; finishedAt: Date; contentHash: string | null },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // Row lock: of two writers racing on one submission, the second sees DONE.
    const [submission] = await tx.$queryRaw<
      {
        status: string;
        userId: string;
        itemId: string;
        queuedAt: Date;
        regradeOfId: string | null;
        regradeBatchId: string | null;
        interviewSessionId: string | null;
      }[]
    >`SELECT status::text, "userId"::text, "itemId"::text, "queuedAt", "regradeOfId"::text, "regradeBatchId"::text,
             "interviewSessionId"::text
        FROM "Submission" WHERE id = ${submissionId}::uuid FOR UPDATE`;
    if (!submission || submission.status === "DONE") return false;
    const phaseTimings: PhaseTimings = {
      queuedAt: submission.queuedAt.toISOString(),
      startedAt: timings.startedAt.toISOString(),
      finishedAt: timings.finishedAt.toISOString(),
      gradingMs: timings.finishedAt.getTime() - timings.startedAt.getTime(),
      harness: result.timings,
    };
    const { trace, stdout, stderr, tests, ...rest } = result;
    // Each test's trace and output live in its TestResult row, once.
    const testSummaries = tests.map(({ trace: _trace, stdout: _stdout, stderr: _stderr, ...summary }) => summary);
    await tx.submission.update({
      where: { id: submissionId },
      data: {
        status: "DONE",
        verdict: result.verdict,
        score: result.score ?? 0,
        finishedAt: timings.finishedAt,
        contentHash: timings.contentHash,
        stdout: storable(stdout),
        stderr: storable(stderr),
        tampered: result.tampering.length > 0,
        messageZh: result.message?.["zh-CN"] ?? null,
        messageEn: result.message?.en ?? null,
        trace: json(trace),
        phaseTimings: phaseTimings as unknown as Prisma.InputJsonValue,
        result: json({ ...rest, tests: testSummaries }),
      },
    });
    // No test results exist yet: they are written with DONE, in this transaction only.
    if (tests.length > 0) {
      await tx.testResult.createMany({
        data: tests.map((test, position) => ({
          submissionId,
          testId: test.id,
          position,
          nameZh: test.name["zh-CN"],
          nameEn: test.name.en,
          status: testStatus[test.status],
          weight: test.weight,
          messageZh: test.message?.["zh-CN"] ?? null,
          messageEn: test.message?.en ?? null,
          misconception: test.status === "passed" ? null : test.misconception,
          durationSeconds: test.duration,
          expectedSeconds: test.expected?.seconds ?? null,
          toleranceSeconds: test.expected?.tolerance ?? null,
          trace: json(test.trace),
          stdout: storable(test.stdout),
          stderr: storable(test.stderr),
          error: json(test.error),
        })),
      });
    }
    // A fault of ours is never counted against the student. One statement,
    // under the unique (userId, itemId): the best score only ever rises, the
    // first solve is kept. A regrade instead recomputes the progress from
    // every submission's standing grading (lib/regrades/note-batch-grading.ts):
    // new tests may lower it, and it is not a new attempt of the student's.
    if (submission.regradeBatchId) await noteBatchGrading(tx, submission.regradeBatchId);
    // A mock interview's work counts for its report, not for the course's progress.
    if (submission.interviewSessionId) {
      await settleInterviewScore(tx, submission.interviewSessionId);
    } else if (result.verdict !== "GRADER_ERROR" && submission.regradeOfId) {
      await recomputeProgress(tx, submission.userId, submission.itemId);
    } else if (result.verdict !== "GRADER_ERROR") {
      const score = result.score ?? 0;
      const attempts = 1;
      const solvedAt = result.verdict === "PASSED" ? timings.finishedAt : null;
      await tx.$executeRaw`
        INSERT INTO "Progress" (id, "userId", "itemId", "bestScore", attempts, "lastAttemptAt", "solvedAt", "updatedAt")
        VALUES (gen_random_uuid(), ${submission.userId}::uuid, ${submission.itemId}::uuid, ${score}, ${attempts},
                ${timings.finishedAt}, ${solvedAt}, now())
        ON CONFLICT ("userId", "itemId") DO UPDATE SET
          "bestScore" = GREATEST("Progress"."bestScore", EXCLUDED."bestScore"),
          attempts = "Progress".attempts + EXCLUDED.attempts,
          "lastAttemptAt" = EXCLUDED."lastAttemptAt",
          "solvedAt" = COALESCE("Progress"."solvedAt", EXCLUDED."solvedAt"),
          "updatedAt" = now()`;
    }
    await tx.$executeRaw`SELECT pg_notify('submission_updates', ${submissionId}::text)`;
    return true;
  });
}

/**
 * Where a run's outcome lands. Writing twice (a job delivered twice)
 * changes nothing: a finished run is left alone. Listeners (the page's
 * event stream) learn of it through pg_notify, in the same transaction.
 */
import { prisma, type Prisma } from "../db/client";
import type { TGradingResult } from "../../grader/result";

export async function recordRunResult(runId: string, result: TGradingResult): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const written = await tx.programRun.updateMany({
      where: { id: runId, status: { not: "DONE" } },
      data: {
        status: "DONE",
        verdict: result.verdict,
        elapsed: result.elapsed,
        stdout: result.stdout,
        stderr: result.stderr,
        messageZh: result.message?.["zh-CN"] ?? null,
        messageEn: result.message?.en ?? null,
        error: (result.error ?? undefined) as Prisma.InputJsonValue | undefined,
        trace: (result.trace ?? undefined) as Prisma.InputJsonValue | undefined,
        finishedAt: new Date(),
      },
    });
    if (written.count === 0) return false;
    await tx.$executeRaw`SELECT pg_notify('program_run_updates', ${runId}::text)`;
    return true;
  });
}

/** Runs are scratch work: a week later they go (the worker calls this hourly). */
export async function dropOldRuns(olderThanDays = 7): Promise<number> {
  const { count } = await prisma.programRun.deleteMany({
    where: { status: "DONE", finishedAt: { lt: new Date(Date.now() - olderThanDays * 24 * 60 * 60 * 1000) } },
  });
  return count;
}

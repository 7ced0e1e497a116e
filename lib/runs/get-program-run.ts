/** A run as its author sees it; anyone else's answers 404, like an unknown id. */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";

export async function getProgramRun(viewer: { id: string }, runId: string) {
  if (!isUuid(runId)) throw new AppError("NOT_FOUND", bilingual("error.runNotFound"));
  const run = await prisma.programRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      userId: true,
      itemId: true,
      status: true,
      verdict: true,
      elapsed: true,
      stdout: true,
      stderr: true,
      messageZh: true,
      messageEn: true,
      error: true,
      trace: true,
      queuedAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
  if (!run || run.userId !== viewer.id) throw new AppError("NOT_FOUND", bilingual("error.runNotFound"));
  const { userId: _userId, ...visible } = run;
  return visible;
}

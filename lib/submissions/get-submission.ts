/**
 * A submission as its author sees it (and a teacher of a class the author
 * is in, or an admin: lib/access), with its place in the queue while it
 * waits, and each test's own run: its trace, what it printed, its error.
 * Anyone else's submission answers 404, like an unknown id.
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { isUuid } from "../ids";
import { bilingual } from "../i18n/messages";
import { z } from "zod";
import { ZErrorDetail } from "../../grader/result";
import { mayViewWork, type Viewer } from "../access/access";

const ZStoredError = z.object({ error: ZErrorDetail.nullable().optional() }).loose();

/** The stored result document's error (its line marks the editor); null when it has none. */
export const storedErrorOf = (result: unknown) => ZStoredError.safeParse(result).data?.error ?? null;

/** Each test of a submission as the result view shows it, in order: its own run, output and error. */
export const testResultsSelect = {
  orderBy: { position: "asc" },
  select: {
    testId: true,
    nameZh: true,
    nameEn: true,
    status: true,
    weight: true,
    messageZh: true,
    messageEn: true,
    durationSeconds: true,
    expectedSeconds: true,
    toleranceSeconds: true,
    trace: true,
    stdout: true,
    stderr: true,
    error: true,
  },
} as const;


export async function getSubmission(viewer: Viewer, submissionId: string) {
  if (!isUuid(submissionId)) throw new AppError("NOT_FOUND", bilingual("error.submissionNotFound"));
  const submission = await prisma.submission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      userId: true,
      itemId: true,
      interviewSessionId: true,
      status: true,
      verdict: true,
      score: true,
      attempt: true,
      queuedAt: true,
      startedAt: true,
      finishedAt: true,
      messageZh: true,
      messageEn: true,
      stdout: true,
      stderr: true,
      trace: true,
      code: true,
      result: true,
      testResults: testResultsSelect,
    },
  });
  if (!submission || !(await mayViewWork(viewer, submission))) throw new AppError("NOT_FOUND", bilingual("error.submissionNotFound"));
  const queuePosition =
    submission.status === "QUEUED"
      ? 1 + (await prisma.submission.count({ where: { status: "QUEUED", queuedAt: { lt: submission.queuedAt } } }))
      : null;
  const { userId: _userId, interviewSessionId: _interview, result, ...visible } = submission;
  // Of the stored result document, the page needs the error (its line marks the editor).
  const error = storedErrorOf(result);
  return { ...visible, error, queuePosition };
}

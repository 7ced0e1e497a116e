/**
 * The job scheduled with every mock interview (lib/interviews/start-interview.ts)
 * for its deadline: hands it in if the candidate did not, with no browser
 * needed. A second delivery, or one after the candidate finished, finds it
 * done and does nothing.
 */
import { finishInterview } from "../../lib/interviews/finish-interview";
import { ZDeadlinePayload } from "../../lib/interviews/schemas";

export async function interviewDeadlineJob(payload: unknown, log: (line: string) => void = console.log): Promise<void> {
  const { sessionId } = ZDeadlinePayload.parse(payload);
  if (await finishInterview(sessionId, "deadline")) log(`[worker ${process.pid}] interview ${sessionId} handed in at its deadline`);
}

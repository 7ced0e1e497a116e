/** The shapes of a mock interview at its boundaries: requests, and the config stored with a session. */
import { z } from "zod";
import { ZShownAnswer } from "../quizzes/schemas";
import { ZCode } from "../submissions/schemas";
import { ZSaveDraftRequestSchema } from "../drafts/schemas";
import { FORMAT_NAMES, LEVEL_NAMES } from "./formats";

export const INTERVIEW_DEADLINE_TASK = "interview-deadline";

/** POST /api/interviews */
export const ZStartInterviewRequest = z
  .object({
    format: z.enum(FORMAT_NAMES, { error: "interview.error.format" }),
    level: z.enum(LEVEL_NAMES, { error: "interview.error.level" }),
  })
  .strict();
export type TStartInterviewRequest = z.infer<typeof ZStartInterviewRequest>;

/** Which browser tab is speaking (random per tab, kept across reloads): a second tab is told. */
const ZTabId = z.string({ error: "interview.error.tabId" }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "interview.error.tabId" });
const ZPosition = z.number({ error: "interview.error.position" }).int({ error: "interview.error.position" }).min(0, { error: "interview.error.position" }).max(99, { error: "interview.error.position" });

/** PUT /api/interviews/:id/answers/:questionId — null clears the answer. */
export const ZSaveInterviewAnswerRequest = z.object({ answer: ZShownAnswer.nullable(), tabId: ZTabId.optional() }).strict();
export type TSaveInterviewAnswerRequest = z.infer<typeof ZSaveInterviewAnswerRequest>;

/** PUT /api/interviews/:id/tasks/:position: the editor as typed (may be empty, like a draft). */
export const ZSaveInterviewCodeRequest = z.object({ code: ZSaveDraftRequestSchema.shape.code, tabId: ZTabId.optional() }).strict();
export type TSaveInterviewCodeRequest = z.infer<typeof ZSaveInterviewCodeRequest>;

/** POST /api/interviews/:id/tasks/:position/submit: handed in for grading (results held back until the end). */
export const ZSubmitInterviewTaskRequest = z.object({ code: ZCode, tabId: ZTabId.optional() }).strict();
export type TSubmitInterviewTaskRequest = z.infer<typeof ZSubmitInterviewTaskRequest>;

/** PUT /api/interviews/:id/flags */
export const ZFlagRequest = z.object({ position: ZPosition, flagged: z.boolean({ error: "interview.error.flagged" }) }).strict();
export type TFlagRequest = z.infer<typeof ZFlagRequest>;

/** POST /api/interviews/:id/heartbeat: the tab is open on this item; the answer re-syncs the clock. */
export const ZHeartbeatRequest = z.object({ tabId: ZTabId, position: ZPosition.nullable() }).strict();
export type THeartbeatRequest = z.infer<typeof ZHeartbeatRequest>;

/** InterviewSession.config: fixed at the start. */
export const ZInterviewConfig = z.object({
  format: z.enum(FORMAT_NAMES),
  level: z.enum(LEVEL_NAMES),
  seed: z.number().int(),
  minutes: z.number(),
  /** The starter of each task, in the language the interview began in. */
  taskItemIds: z.array(z.string()),
});
export type TInterviewConfig = z.infer<typeof ZInterviewConfig>;

export const ZDeadlinePayload = z.object({ sessionId: z.uuid() });

/** A task's place in the URL (/tasks/0): digits only. */
export const ZTaskIndexParam = z
  .string()
  .regex(/^\d{1,2}$/, { error: "interview.error.position" })
  .transform(Number);

import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";

type Running = { mode: "PREVIEW" | "APPLY"; createdAt: Date; done: number; total: number; requestedBy: { name: string | null; email: string } };

/** The 409 a second regrade meets: it names the one running, so the teacher knows whom to ask and how far it is. */
export function runningRegradeError(running: Running): AppError {
  const when = `${running.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const who = running.requestedBy.name ?? running.requestedBy.email;
  const key = running.mode === "APPLY" ? "regrade.error.applyRunning" : "regrade.error.previewRunning";
  return new AppError("CONFLICT", bilingual(key, () => ({ who, when, done: running.done, total: running.total })));
}

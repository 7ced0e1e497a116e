import { formatMessage } from "@/lib/i18n/format-message";
import type { TTrace } from "@/grader/result";

export type Verdict = "PASSED" | "FAILED" | "SYNTAX_ERROR" | "RUNTIME_ERROR" | "TIME_LIMIT" | "MEMORY_LIMIT" | "OUTPUT_LIMIT" | "GRADER_ERROR";
export type LiveStatus = "QUEUED" | "RUNNING" | "DONE";

export type ErrorDetail = { type: string; message: string; line: number | null; traceback: string };

export type TestResultView = {
  testId: string;
  nameZh: string;
  nameEn: string;
  status: "PASSED" | "FAILED" | "ERROR" | "SKIPPED";
  weight: number;
  messageZh: string | null;
  messageEn: string | null;
  durationSeconds: number | null;
  expectedSeconds?: number | null;
  toleranceSeconds?: number | null;
  trace?: TTrace | null;
  stdout?: string | null;
  stderr?: string | null;
  error?: ErrorDetail | null;
};

export type SubmissionView = {
  id: string;
  status: LiveStatus;
  verdict: Verdict | null;
  score: number | null;
  queuePosition: number | null;
  queuedAt: string;
  messageZh: string | null;
  messageEn: string | null;
  stdout: string | null;
  stderr: string | null;
  trace: TTrace | null;
  code: string;
  error: ErrorDetail | null;
  testResults: TestResultView[];
};

export type RunView = {
  id: string;
  status: LiveStatus;
  verdict: Verdict | null;
  elapsed: number | null;
  stdout: string | null;
  stderr: string | null;
  messageZh: string | null;
  messageEn: string | null;
  error: ErrorDetail | null;
  trace: TTrace | null;
};

export type HistoryEntry = { id: string; status: string; verdict: string | null; score: number | null; queuedAt: string };

export type Text = (key: string, values?: Record<string, string | number>) => string;

export function textOf(messages: Record<string, string | undefined>): Text {
  return (key, values) => formatMessage(messages, key, values);
}

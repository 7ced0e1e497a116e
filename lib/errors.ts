/**
 * Typed errors that domain functions throw and route handlers map to HTTP.
 * Every one carries its message for the learner in both languages.
 */
export type Bilingual = { "zh-CN": string; en: string };

export type AppErrorCode =
  | "INVALID_JSON"
  | "INVALID_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INVALID_TEXT"
  | "RATE_LIMITED"
  | "INTERNAL";

const httpStatus: Record<AppErrorCode, number> = {
  INVALID_JSON: 400,
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_TEXT: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export type FieldIssue = { path: string; message: Bilingual };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: Bilingual;
  readonly issues: FieldIssue[];
  /** For RATE_LIMITED: sent as the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, userMessage: Bilingual, issues: FieldIssue[] = [], options: { retryAfterSeconds?: number } = {}) {
    super(userMessage.en);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.issues = issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export const notFound = (what: Bilingual = { "zh-CN": "找不到该资源。", en: "Not found." }) => new AppError("NOT_FOUND", what);

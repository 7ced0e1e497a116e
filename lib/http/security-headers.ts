/**
 * The headers every response carries (set by proxy.ts): a Content Security
 * Policy whose scripts need this request's nonce (Next.js puts it on its own
 * scripts when it finds the policy on the request), no framing by any site,
 * no MIME sniffing, no full URL in the Referer sent elsewhere.
 */
import { isSafeMethod } from "./methods";

export const NONCE_HEADER = "x-nonce";
/** The path and query of the page being rendered, for links that come back to it (set by proxy.ts on the request). */
export const PATH_HEADER = "x-awaitable-path";

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The policy for one response. Styles allow inline attributes (React's
 * `style={…}`, the timeline's widths): a nonce cannot cover attributes, and
 * style injection cannot run code. `development` adds what Next's dev server
 * needs ('unsafe-eval' for its fast refresh).
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

export function securityHeaders(nonce: string, development = false): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(nonce, development),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
}

type Problem = { status: number; error: { code: string; message: { "zh-CN": string; en: string } } };

/** A path whose percent-encoding does not decode (`%E0%A4%A`): Next.js would answer 500. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** next-auth's forms are a few hundred bytes: 16 KiB is room enough. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Why a request to next-auth's endpoints (/api/auth/…) is refused before it
 * is read, or null: a body past the limit (413), or a body that does not
 * declare its length (chunked: 411), since next-auth reads bodies whole.
 */
export function authBodyProblem(method: string, pathname: string, headers: Headers): Problem | null {
  if (!pathname.startsWith("/api/auth/") || isSafeMethod(method)) return null;
  const length = headers.get("content-length");
  if (length === null) {
    if (!headers.get("transfer-encoding")) return null;
    return {
      status: 411,
      error: { code: "LENGTH_REQUIRED", message: { "zh-CN": "请求必须注明长度(Content-Length)。", en: "The request must state its length (Content-Length)." } },
    };
  }
  if (Number(length) > AUTH_BODY_LIMIT_BYTES) {
    return {
      status: 413,
      error: { code: "PAYLOAD_TOO_LARGE", message: { "zh-CN": "请求体过大:最多 16 KiB。", en: "The request body is too large: at most 16 KiB." } },
    };
  }
  return null;
}

/** Why the proxy refuses a request before any route sees it (a malformed path, next-auth's body limits), or null. */
export function requestProblem(method: string, pathname: string, headers: Headers): Problem | null {
  if (isMalformedPath(pathname)) {
    return {
      status: 400,
      error: { code: "INVALID_REQUEST", message: { "zh-CN": "网址里有无效的百分号编码。", en: "The address contains an invalid percent-encoding." } },
    };
  }
  return authBodyProblem(method, pathname, headers);
}

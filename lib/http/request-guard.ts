/**
 * The one guard for requests that change state (every route handler but GET,
 * HEAD and OPTIONS goes through it, in `route()`): the request comes from
 * this site (no cross-site form or fetch can post on a signed-in user's
 * behalf), a JSON body is declared as JSON, is read up to a cap while it
 * streams in (never buffered whole first), and is strict UTF-8 text with no
 * NUL and no lone surrogate. Every refusal is an AppError in both languages;
 * nothing is stored.
 */
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { isSafeMethod } from "./methods";

export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;


/** The origins this site answers as: the request's own, and NEXTAUTH_URL's (behind a proxy). */
function siteOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) origins.add(`${new URL(request.url).protocol}//${host}`);
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // An unparsable NEXTAUTH_URL names no origin (lib/env.ts reports it).
    }
  }
  return origins;
}

/**
 * Refuses a state-changing request another site made the browser send:
 * a foreign `Origin`, or (when a browser sent no Origin) `Sec-Fetch-Site`
 * other than same-origin / none. A request with neither header comes from no
 * browser (curl, a script holding the cookie), which no other site can forge.
 */
export function assertSameOrigin(request: Request): void {
  if (isSafeMethod(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin !== "null" && siteOrigins(request).has(origin)) return;
    throw new AppError("FORBIDDEN", bilingual("error.crossSite"));
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", bilingual("error.crossSite"));
}

function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";", 1)[0]!.trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

function payloadTooLarge(limitBytes: number): AppError {
  const kib = Math.round(limitBytes / 1024);
  return new AppError("PAYLOAD_TOO_LARGE", {
    "zh-CN": `请求体过大：最多 ${kib} KiB。`,
    en: `The request body is too large: at most ${kib} KiB.`,
  });
}

/** The body's bytes, refused with a 413 as soon as more than `limitBytes` have arrived. */
export async function readBodyBytes(request: Request, limitBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limitBytes) throw payloadTooLarge(limitBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in a parsed JSON value a string holds a NUL or a lone surrogate (which PostgreSQL and UTF-8 refuse), or null. */
export function badTextPath(value: unknown, path: string[] = []): { path: string; what: "nul" | "surrogate" } | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path: path.join("."), what: "nul" };
    if (LONE_SURROGATE.test(value)) return { path: path.join("."), what: "surrogate" };
    return null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = badTextPath(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const inKey = badTextPath(key, [...path, key]);
      if (inKey) return inKey;
      const found = badTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The request's JSON body: 415 unless declared as JSON, 413 past the cap
 * (while streaming), 400 for bytes that are not UTF-8, for JSON that does
 * not parse, and for text with a NUL or a lone surrogate.
 */
export async function readJsonBody(request: Request, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw new AppError("UNSUPPORTED_MEDIA_TYPE", bilingual("error.notJson"));
  const bytes = await readBodyBytes(request, limitBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("INVALID_TEXT", bilingual("error.notUtf8"));
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_JSON", bilingual("error.invalidJson"));
  }
  const bad = badTextPath(value);
  if (bad) {
    const message = bilingual(bad.what === "nul" ? "error.nulCharacter" : "error.loneSurrogate");
    throw new AppError("INVALID_TEXT", message, [{ path: bad.path, message }]);
  }
  return value;
}

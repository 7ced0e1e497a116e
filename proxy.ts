// Runs before every request (Next.js 16 "proxy", formerly middleware): a
// fresh CSP nonce and the security headers on every response, a clear 400
// for a path whose percent-encoding is broken (instead of a 500), and next-
// auth's endpoints (which read their form bodies whole) refuse a body that
// is large or does not say its length. Our own routes cap theirs while they
// stream (lib/http/request-guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, NONCE_HEADER, PATH_HEADER, requestProblem, securityHeaders } from "./lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, process.env.NODE_ENV === "development");
  const problem = requestProblem(request.method, request.nextUrl.pathname, request.headers);
  if (problem) return NextResponse.json({ error: problem.error }, { status: problem.status, headers: { ...headers, "cache-control": "no-store" } });
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's own static files (they carry no page and need no nonce).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};

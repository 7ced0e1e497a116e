/** Building requests for route handlers, signed in or not, as a browser would send them. */
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";

export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const token = await encode({ token: { sub: userId, sv: sessionVersion }, secret: process.env.NEXTAUTH_SECRET ?? "" });
  return `next-auth.session-token=${token}`;
}

export function jsonRequest(
  url: string,
  options: { method?: string; body?: unknown; rawBody?: BodyInit; cookie?: string; headers?: Record<string, string> } = {},
): NextRequest {
  const headers = new Headers({ "content-type": "application/json", ...options.headers });
  if (options.cookie) headers.set("cookie", options.cookie);
  return new NextRequest(new URL(url, "http://localhost:3000"), {
    method: options.method ?? "POST",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}

export const routeContext = <Params>(params: Params) => ({ params: Promise.resolve(params) });

import { NextResponse } from "next/server";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { localeCookie, localeFromCookie } from "@/lib/i18n/locales";
import { listInterviews } from "@/lib/interviews/list-interviews";
import { ZStartInterviewRequest } from "@/lib/interviews/schemas";
import { startInterview } from "@/lib/interviews/start-interview";

/** The candidate's past and running interviews, newest first. */
export const GET = route({ auth: "signed-in" }, async ({ user }) => ({ interviews: await listInterviews(user.id) }));

/**
 * Start an interview (201), or get back the one running (200): one at a time.
 * The starters are in the language of the request's cookie (read from the
 * request, not next/headers, so the handler runs outside a Next request scope too).
 */
export const POST = route({ auth: "signed-in" }, async ({ request, user }) => {
  const body = parseOrThrow(ZStartInterviewRequest, await readJsonBody(request));
  const { id, created } = await startInterview(user.id, localeFromCookie(request.cookies.get(localeCookie)?.value), body);
  return NextResponse.json({ interview: { id } }, { status: created ? 201 : 200 });
});

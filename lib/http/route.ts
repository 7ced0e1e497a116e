/**
 * The one wrapper for every route handler: refuses cross-site requests that
 * change state (request-guard.ts), finds who is asking, checks the role,
 * runs the handler, and maps typed errors to HTTP with a body in both
 * languages. Handlers stay thin: parse, call one domain function, return.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { getEnv } from "../env";
import { findCurrentUser, type CurrentUser } from "../auth/current-user";
import type { TRole } from "../users/schemas";
import { assertSameOrigin } from "./request-guard";
import { hasRole } from "../access/access";

export { DEFAULT_BODY_LIMIT_BYTES, readJsonBody } from "./request-guard";

type PublicAccess = { auth: "public" };
type SignedInAccess = { auth: "signed-in" } | { auth: "role"; roles: readonly TRole[] };
type Access = PublicAccess | SignedInAccess;

export type RouteContext<Params, User = CurrentUser | null> = {
  request: NextRequest;
  params: Params;
  user: User;
};

type Handler<Params, User> = (context: RouteContext<Params, User>) => Promise<unknown>;
export type ErrorBody = {
  error: { code: string; message: { "zh-CN": string; en: string }; issues?: AppError["issues"] };
};

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.userMessage } };
    if (error.issues.length > 0) body.error.issues = error.issues;
    const headers = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return NextResponse.json(body, { status: error.status, headers });
  }
  console.error("unhandled error in route handler", error);
  return NextResponse.json({ error: { code: "INTERNAL", message: bilingual("error.internal") } }, { status: 500 });
}

/** API answers are per user and per moment: no browser or proxy may keep one. */
function privateResponse(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}

export async function userFromRequest(request: NextRequest): Promise<CurrentUser | null> {
  const token = await getToken({ req: request, secret: getEnv().NEXTAUTH_SECRET });
  return findCurrentUser(token?.sub, token?.sv);
}

export function route<Params = Record<string, never>>(access: PublicAccess, handler: Handler<Params, CurrentUser | null>): (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;
export function route<Params = Record<string, never>>(access: SignedInAccess, handler: Handler<Params, CurrentUser>): (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;
export function route<Params>(access: Access, handler: Handler<Params, CurrentUser> | Handler<Params, CurrentUser | null>) {
  return async (request: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const user = access.auth === "public" ? await userFromRequest(request).catch(() => null) : await userFromRequest(request);
      if (access.auth !== "public" && !user) throw new AppError("UNAUTHENTICATED", bilingual("error.unauthenticated"));
      if (access.auth === "role" && !hasRole(user, access.roles)) {
        throw new AppError("FORBIDDEN", bilingual("error.forbidden"));
      }
      // The checks above make `user` non-null for every access but "public".
      const result = await (handler as Handler<Params, CurrentUser | null>)({ request, params: await context.params, user });
      return privateResponse(result instanceof Response ? result : NextResponse.json(result));
    } catch (error) {
      return privateResponse(errorResponse(error));
    }
  };
}

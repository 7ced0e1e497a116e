import { NextResponse } from "next/server";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZSignUpRequestSchema } from "@/lib/users/schemas";
import { createUser } from "@/lib/users/create-user";
import { getEnv } from "@/lib/env";
import { clientAddress, limitSignUp } from "@/lib/auth/limits";

/** Sign up: creates a student account (signing in is next-auth's /api/auth). */
export const POST = route({ auth: "public" }, async ({ request }) => {
  const body = parseOrThrow(ZSignUpRequestSchema, await readJsonBody(request));
  await limitSignUp(clientAddress(request.headers));
  const user = await createUser(body, { adminEmail: getEnv().ADMIN_EMAIL });
  return NextResponse.json({ user }, { status: 201 });
});

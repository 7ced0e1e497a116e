import { NextResponse } from "next/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZCreateClassRequestSchema } from "@/lib/classes/schemas";
import { createClass } from "@/lib/classes/create-class";

/** A teacher opens a class of a course and becomes its owner. */
export const POST = route({ auth: "role", roles: TEACHING_ROLES }, async ({ request, user }) => {
  const body = parseOrThrow(ZCreateClassRequestSchema, await readJsonBody(request));
  return NextResponse.json({ class: await createClass(user, body) }, { status: 201 });
});

import { NextResponse } from "next/server";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { TEACHING_ROLES } from "@/lib/access/access";
import { ZRegradeRequest } from "@/lib/regrades/schemas";
import { requestRegrade } from "@/lib/regrades/request-regrade";

/** A teacher previews or applies a regrade of one exercise for their class (a job; poll the batch). */
export const POST = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZRegradeRequest, await readJsonBody(request));
  return NextResponse.json({ batch: await requestRegrade(user, params.classId, body) }, { status: 202 });
});

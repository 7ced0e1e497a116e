import { NextResponse } from "next/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZSetExtensionRequestSchema } from "@/lib/assignments/schemas";
import { setExtension } from "@/lib/assignments/set-extension";
import { removeExtension } from "@/lib/assignments/remove-extension";

type Params = { classId: string; assignmentId: string; studentId: string };
const teachers = { auth: "role", roles: TEACHING_ROLES } as const;

export const PUT = route<Params>(teachers, async ({ request, params, user }) => {
  const body = parseOrThrow(ZSetExtensionRequestSchema, await readJsonBody(request));
  return { extension: await setExtension(user, params.classId, params.assignmentId, params.studentId, body.dueAt) };
});

export const DELETE = route<Params>(teachers, async ({ params, user }) => {
  await removeExtension(user, params.classId, params.assignmentId, params.studentId);
  return new NextResponse(null, { status: 204 });
});

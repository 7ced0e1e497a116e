import { NextResponse } from "next/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZCreateAssignmentRequestSchema } from "@/lib/assignments/schemas";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { listClassAssignments } from "@/lib/assignments/list-class-assignments";

export const GET = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) => ({
  assignments: await listClassAssignments(user, params.classId),
}));

export const POST = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZCreateAssignmentRequestSchema, await readJsonBody(request));
  return NextResponse.json({ assignment: await createAssignment(user, params.classId, body) }, { status: 201 });
});

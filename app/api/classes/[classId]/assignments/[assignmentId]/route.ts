import { NextResponse } from "next/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZUpdateAssignmentRequestSchema } from "@/lib/assignments/schemas";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";

type Params = { classId: string; assignmentId: string };
const teachers = { auth: "role", roles: TEACHING_ROLES } as const;

export const GET = route<Params>(teachers, async ({ params, user }) => ({
  assignment: await getAssignment(user, params.classId, params.assignmentId),
}));

export const PATCH = route<Params>(teachers, async ({ request, params, user }) => {
  const body = parseOrThrow(ZUpdateAssignmentRequestSchema, await readJsonBody(request));
  return { assignment: await updateAssignment(user, params.classId, params.assignmentId, body) };
});

export const DELETE = route<Params>(teachers, async ({ params, user }) => {
  await deleteAssignment(user, params.classId, params.assignmentId);
  return new NextResponse(null, { status: 204 });
});

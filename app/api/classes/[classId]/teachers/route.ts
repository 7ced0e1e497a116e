import { TEACHING_ROLES } from "@/lib/access/access";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZAddCoTeacherRequestSchema } from "@/lib/classes/schemas";
import { addCoTeacher } from "@/lib/classes/add-co-teacher";

/** The owner adds a co-teacher by email. */
export const POST = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZAddCoTeacherRequestSchema, await readJsonBody(request));
  return addCoTeacher(user, params.classId, body);
});

import { TEACHING_ROLES } from "@/lib/access/access";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZUpdateClassRequestSchema } from "@/lib/classes/schemas";
import { updateClass } from "@/lib/classes/update-class";

/** Rename (any teacher of the class) or archive / unarchive (its owner). */
export const PATCH = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZUpdateClassRequestSchema, await readJsonBody(request));
  return { class: await updateClass(user, params.classId, body) };
});

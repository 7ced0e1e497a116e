import { TEACHING_ROLES } from "@/lib/access/access";
import { route } from "@/lib/http/route";
import { removeCoTeacher } from "@/lib/classes/remove-co-teacher";

/** The owner removes a co-teacher. */
export const DELETE = route<{ classId: string; userId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) =>
  removeCoTeacher(user, params.classId, params.userId),
);

import { TEACHING_ROLES } from "@/lib/access/access";
import { route } from "@/lib/http/route";
import { removeStudent } from "@/lib/classes/remove-student";

/** A teacher takes a student out of the class. */
export const DELETE = route<{ classId: string; studentId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) =>
  removeStudent(user, params.classId, params.studentId),
);

import { TEACHING_ROLES } from "@/lib/access/access";
import { route } from "@/lib/http/route";
import { regenerateJoinCode } from "@/lib/classes/regenerate-join-code";
import { revokeJoinCode } from "@/lib/classes/revoke-join-code";

/** A new join code; the old one stops working. */
export const POST = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) =>
  regenerateJoinCode(user, params.classId),
);

/** No join code until a new one is made. */
export const DELETE = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) =>
  revokeJoinCode(user, params.classId),
);

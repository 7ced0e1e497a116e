import { route } from "@/lib/http/route";
import { TEACHING_ROLES } from "@/lib/access/access";
import { getRegradeBatch } from "@/lib/regrades/get-regrade-batch";

/** A regrade of the class: its progress, and a preview's counts and changed students. */
export const GET = route<{ classId: string; batchId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) => ({
  batch: await getRegradeBatch(user, params.classId, params.batchId),
}));

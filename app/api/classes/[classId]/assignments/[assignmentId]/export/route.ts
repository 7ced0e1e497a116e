import { route } from "@/lib/http/route";
import { TEACHING_ROLES } from "@/lib/access/access";
import { exportAssignmentSubmissions } from "@/lib/export/export-assignment-submissions";
import { csvResponse } from "@/lib/export/csv";

export const GET = route<{ classId: string; assignmentId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) => {
  const { csv, className, assignmentTitle } = await exportAssignmentSubmissions(user, params.classId, params.assignmentId);
  return csvResponse(csv, `${className}-${assignmentTitle}-submissions.csv`);
});

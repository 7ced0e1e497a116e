import { route } from "@/lib/http/route";
import { TEACHING_ROLES } from "@/lib/access/access";
import { parseOrThrow } from "@/lib/http/validation";
import { ZMatrixExportQuery } from "@/lib/matrix/schemas";
import { exportMatrix } from "@/lib/export/export-matrix";
import { csvResponse } from "@/lib/export/csv";

export const GET = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ request, params, user }) => {
  const query = parseOrThrow(ZMatrixExportQuery, Object.fromEntries(request.nextUrl.searchParams));
  const { csv, className } = await exportMatrix(user, params.classId, query.assignment);
  return csvResponse(csv, `${className}-progress.csv`);
});

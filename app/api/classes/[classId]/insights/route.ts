import { route } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { TEACHING_ROLES } from "@/lib/access/access";
import { ZClassInsightsQuerySchema } from "@/lib/insights/schemas";
import { getClassInsights } from "@/lib/insights/get-class-insights";

/** What the class gets wrong, as JSON (the page renders the same loader). */
export const GET = route<{ classId: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ request, params, user }) => {
  const query = parseOrThrow(ZClassInsightsQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return { insights: await getClassInsights(user, params.classId, { assignmentId: query.assignment, timeZone: query.tz }) };
});

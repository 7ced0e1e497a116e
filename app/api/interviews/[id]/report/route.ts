import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { bilingual } from "@/lib/i18n/messages";
import { getInterviewReport } from "@/lib/interviews/get-report";

/** The report, once the interview is over (409 while it runs: nothing of the keys before the end). */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => {
  const report = await getInterviewReport(user.id, params.id);
  if (!report) throw new AppError("CONFLICT", bilingual("interview.error.stillRunning"));
  return { report };
});

import { route } from "@/lib/http/route";
import { finishOwnInterview } from "@/lib/interviews/finish-interview";

/** Hand the interview in (a second time changes nothing). */
export const POST = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => {
  await finishOwnInterview(user.id, params.id);
  return { finished: true };
});

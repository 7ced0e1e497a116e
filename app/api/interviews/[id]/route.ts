import { route } from "@/lib/http/route";
import { getInterview } from "@/lib/interviews/get-interview";

/** A running interview as the candidate resumes it: no keys, no verdicts; the server's clock and deadline. */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({
  interview: await getInterview(user.id, params.id),
}));

import { route } from "@/lib/http/route";
import { getSubmission } from "@/lib/submissions/get-submission";

export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({
  submission: await getSubmission(user, params.id),
}));

import { route } from "@/lib/http/route";
import { getQuizAttempt } from "@/lib/quizzes/get-quiz-attempt";

/** An attempt to resume: its questions without keys, feedback for those answered. Its owner's only. */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({
  attempt: await getQuizAttempt(user.id, params.id),
}));

import { route } from "@/lib/http/route";
import { finishQuizAttempt } from "@/lib/quizzes/finish-quiz-attempt";

/** Hand the attempt in: its score (unanswered questions count 0) and the review of every question. */
export const POST = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({
  attempt: await finishQuizAttempt(user.id, params.id),
}));

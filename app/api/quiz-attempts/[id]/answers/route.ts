import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { answerQuizQuestion } from "@/lib/quizzes/answer-quiz-question";
import { ZAnswerQuizQuestionRequestSchema } from "@/lib/quizzes/schemas";

/** Answer one question: scored on the server, stored, and only then its feedback (key, explanation, reference). */
export const POST = route<{ id: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZAnswerQuizQuestionRequestSchema, await readJsonBody(request));
  return { feedback: await answerQuizQuestion(user.id, params.id, body) };
});

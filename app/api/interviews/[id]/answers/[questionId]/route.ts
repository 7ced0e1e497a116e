import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { saveInterviewAnswer } from "@/lib/interviews/save-work";
import { ZSaveInterviewAnswerRequest } from "@/lib/interviews/schemas";

/** Save (or clear, with null) one answer; nothing of its correctness comes back. */
export const PUT = route<{ id: string; questionId: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZSaveInterviewAnswerRequest, await readJsonBody(request));
  return { saved: await saveInterviewAnswer(user.id, params.id, params.questionId, body) };
});

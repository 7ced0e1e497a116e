import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { CODE_MAX_BYTES } from "@/lib/submissions/schemas";
import { saveInterviewCode } from "@/lib/interviews/save-work";
import { ZSaveInterviewCodeRequest, ZTaskIndexParam } from "@/lib/interviews/schemas";

/** Save a coding task's code as typed (graded at the deadline if never handed in). */
export const PUT = route<{ id: string; position: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const index = parseOrThrow(ZTaskIndexParam, params.position);
  const body = parseOrThrow(ZSaveInterviewCodeRequest, await readJsonBody(request, CODE_MAX_BYTES * 6 + 4096));
  return { saved: await saveInterviewCode(user.id, params.id, index, body) };
});

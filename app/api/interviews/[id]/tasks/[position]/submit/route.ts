import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { CODE_MAX_BYTES } from "@/lib/submissions/schemas";
import { submitInterviewTask } from "@/lib/interviews/submit-task";
import { ZSubmitInterviewTaskRequest, ZTaskIndexParam } from "@/lib/interviews/schemas";

/** Hand a coding task in: graded now, its result held back until the report. */
export const POST = route<{ id: string; position: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const index = parseOrThrow(ZTaskIndexParam, params.position);
  const body = parseOrThrow(ZSubmitInterviewTaskRequest, await readJsonBody(request, CODE_MAX_BYTES * 6 + 4096));
  return { submitted: await submitInterviewTask(user.id, params.id, index, body) };
});

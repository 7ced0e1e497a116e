import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { setInterviewFlag } from "@/lib/interviews/save-work";
import { ZFlagRequest } from "@/lib/interviews/schemas";

/** Flag an item for review, or take the flag off. */
export const PUT = route<{ id: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZFlagRequest, await readJsonBody(request));
  return { saved: await setInterviewFlag(user.id, params.id, body) };
});

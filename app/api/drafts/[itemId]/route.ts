import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { CODE_MAX_BYTES } from "@/lib/submissions/schemas";
import { ZSaveDraftRequestSchema } from "@/lib/drafts/schemas";
import { getDraft, saveDraft } from "@/lib/drafts/save-draft";

/** The signed-in student's draft of one exercise (null: none saved yet). */
export const GET = route<{ itemId: string }>({ auth: "signed-in" }, async ({ params, user }) => ({
  draft: await getDraft(user.id, params.itemId),
}));

export const PUT = route<{ itemId: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZSaveDraftRequestSchema, await readJsonBody(request, CODE_MAX_BYTES * 6 + 4096));
  return { draft: await saveDraft(user.id, params.itemId, body) };
});

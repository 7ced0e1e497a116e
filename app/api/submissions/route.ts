import { NextResponse } from "next/server";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { CODE_MAX_BYTES, ZCreateSubmissionRequestSchema } from "@/lib/submissions/schemas";
import { createSubmission } from "@/lib/submissions/create-submission";

/** Submit code for grading: answers at once with the id; the verdict follows (GET /api/submissions/:id). */
export const POST = route({ auth: "signed-in" }, async ({ request, user }) => {
  // Room for the JSON around the code and escaped characters.
  const body = parseOrThrow(ZCreateSubmissionRequestSchema, await readJsonBody(request, CODE_MAX_BYTES * 6 + 4096));
  const submission = await createSubmission(user.id, body);
  return NextResponse.json({ submission }, { status: 202 });
});

import { NextResponse } from "next/server";
import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { CODE_MAX_BYTES } from "@/lib/submissions/schemas";
import { ZCreateProgramRunRequestSchema } from "@/lib/runs/schemas";
import { createProgramRun } from "@/lib/runs/create-program-run";

/** Run code without grading: answers at once with the id; the output follows (GET /api/runs/:id). */
export const POST = route({ auth: "signed-in" }, async ({ request, user }) => {
  const body = parseOrThrow(ZCreateProgramRunRequestSchema, await readJsonBody(request, CODE_MAX_BYTES * 6 + 4096));
  const run = await createProgramRun(user.id, body);
  return NextResponse.json({ run }, { status: 202 });
});

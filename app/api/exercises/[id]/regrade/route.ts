import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/errors";
import { bilingual } from "@/lib/i18n/messages";
import { requestRegrade } from "@/lib/submissions/regrade-exercise";
import { isUuid } from "@/lib/ids";


/** Teachers and admins regrade every submission of an exercise (a bulk job). */
export const POST = route<{ id: string }>({ auth: "role", roles: ["TEACHER", "ADMIN"] }, async ({ params }) => {
  if (!isUuid(params.id)) throw notFound(bilingual("error.exerciseNotFound"));
  return NextResponse.json({ regrade: await requestRegrade(params.id) }, { status: 202 });
});

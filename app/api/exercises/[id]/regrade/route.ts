import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/errors";
import { bilingual } from "@/lib/i18n/messages";
import { requestRegrade } from "@/lib/submissions/regrade-exercise";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Teachers and admins regrade every submission of an exercise (a bulk job). */
export const POST = route<{ id: string }>({ auth: "role", roles: ["TEACHER", "ADMIN"] }, async ({ params }) => {
  if (!UUID.test(params.id)) throw notFound(bilingual("error.exerciseNotFound"));
  return NextResponse.json({ regrade: await requestRegrade(params.id) }, { status: 202 });
});

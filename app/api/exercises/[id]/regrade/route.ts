import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/errors";
import { bilingual } from "@/lib/i18n/messages";
import { TEACHING_ROLES } from "@/lib/access/access";
import { applyRegrade } from "@/lib/regrades/apply-regrade";
import { isUuid } from "@/lib/ids";

/** An admin regrades every submission of an exercise; a teacher is sent to their class's page (403). */
export const POST = route<{ id: string }>({ auth: "role", roles: TEACHING_ROLES }, async ({ params, user }) => {
  if (!isUuid(params.id)) throw notFound(bilingual("error.exerciseNotFound"));
  return NextResponse.json({ batch: await applyRegrade(user, params.id, null) }, { status: 202 });
});

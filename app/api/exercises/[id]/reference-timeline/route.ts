import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { getReferenceTimeline } from "@/lib/exercises/reference-timeline";

/** The reference solution's timelines per test: 200 when graded, 202 while the worker grades it. */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => {
  const reference = await getReferenceTimeline(user.id, params.id);
  return NextResponse.json(reference, { status: reference.status === "ready" ? 200 : 202 });
});

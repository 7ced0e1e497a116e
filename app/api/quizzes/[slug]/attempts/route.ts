import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { startQuizAttempt } from "@/lib/quizzes/start-quiz-attempt";

/** Start a practice quiz (201), or get back the learner's unfinished attempt at it (200). */
export const POST = route<{ slug: string }>({ auth: "signed-in" }, async ({ params, user }) => {
  const { attempt, created } = await startQuizAttempt(user.id, params.slug);
  return NextResponse.json({ attempt }, { status: created ? 201 : 200 });
});

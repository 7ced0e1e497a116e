import { route } from "@/lib/http/route";
import { revealHint } from "@/lib/exercises/reveal-hint";

/** Reveal the next hint, if the student's attempts have unlocked it. */
export const POST = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => revealHint(user.id, params.id));

import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZJoinClassRequestSchema } from "@/lib/classes/schemas";
import { joinClass } from "@/lib/classes/join-class";

/** A signed-in user joins a class with its code (twice is fine). */
export const POST = route({ auth: "signed-in" }, async ({ request, user }) => {
  const body = parseOrThrow(ZJoinClassRequestSchema, await readJsonBody(request));
  return joinClass(user, body);
});

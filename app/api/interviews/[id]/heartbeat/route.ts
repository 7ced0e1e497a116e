import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { interviewHeartbeat } from "@/lib/interviews/heartbeat";
import { ZHeartbeatRequest } from "@/lib/interviews/schemas";

/** The open tab reports the item it shows; the answer carries the server's clock, the deadline and any other open tab. */
export const POST = route<{ id: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  const body = parseOrThrow(ZHeartbeatRequest, await readJsonBody(request));
  return { heartbeat: await interviewHeartbeat(user.id, params.id, body) };
});

import { route } from "@/lib/http/route";
import { eventStream } from "@/lib/realtime/event-stream";
import { getSubmission } from "@/lib/submissions/get-submission";

export const dynamic = "force-dynamic";

/** The submission's state live (Server-Sent Events) until its verdict; GET /api/submissions/:id is the fallback. */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  await getSubmission(user, params.id); // 404 before any stream for someone else's or an unknown id
  return eventStream("submission_updates", params.id, () => getSubmission(user, params.id), request.signal);
});

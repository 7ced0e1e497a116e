import { route } from "@/lib/http/route";
import { eventStream } from "@/lib/realtime/event-stream";
import { getProgramRun } from "@/lib/runs/get-program-run";

export const dynamic = "force-dynamic";

/** The run's state live (Server-Sent Events) until it is done; GET /api/runs/:id is the fallback. */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ request, params, user }) => {
  await getProgramRun(user, params.id);
  return eventStream("program_run_updates", params.id, () => getProgramRun(user, params.id), request.signal);
});

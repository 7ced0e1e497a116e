import { route } from "@/lib/http/route";
import { getProgramRun } from "@/lib/runs/get-program-run";

export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({
  run: await getProgramRun(user, params.id),
}));

import { route } from "@/lib/http/route";
import { getSharedReport } from "@/lib/interviews/share-link";

/** A shared report, for anyone holding its link (signed in or not); 404 once revoked. */
export const GET = route<{ token: string }>({ auth: "public" }, async ({ params }) => ({ shared: await getSharedReport(params.token) }));

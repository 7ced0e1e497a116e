import { route } from "@/lib/http/route";
import { getShareState, revokeShare, shareInterview } from "@/lib/interviews/share-link";

/** The report's read-only link: its state, make it, revoke it. */
export const GET = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({ share: await getShareState(user.id, params.id) }));
export const POST = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({ share: await shareInterview(user.id, params.id) }));
export const DELETE = route<{ id: string }>({ auth: "signed-in" }, async ({ params, user }) => ({ share: await revokeShare(user.id, params.id) }));

import { route } from "@/lib/http/route";
import { endSessionsOf } from "@/lib/auth/sessions";

/** An admin ends every session of an account: its tokens, copied ones too, stop working at once. */
export const DELETE = route<{ id: string }>({ auth: "role", roles: ["ADMIN"] }, async ({ params }) => endSessionsOf(params.id));

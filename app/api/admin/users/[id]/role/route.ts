import { route, readJsonBody } from "@/lib/http/route";
import { parseOrThrow } from "@/lib/http/validation";
import { ZSetUserRoleRequestSchema } from "@/lib/users/schemas";
import { setUserRole } from "@/lib/users/set-user-role";

export const PUT = route<{ id: string }>({ auth: "role", roles: ["ADMIN"] }, async ({ request, params }) => {
  const body = parseOrThrow(ZSetUserRoleRequestSchema, await readJsonBody(request));
  return { user: await setUserRole(params.id, body.role) };
});

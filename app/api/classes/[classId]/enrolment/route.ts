import { route } from "@/lib/http/route";
import { leaveClass } from "@/lib/classes/leave-class";

/** A student leaves the class. */
export const DELETE = route<{ classId: string }>({ auth: "signed-in" }, async ({ params, user }) => leaveClass(user, params.classId));

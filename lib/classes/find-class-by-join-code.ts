/**
 * The class a join code opens, as the invitation shows it (name, course,
 * teachers, whether the viewer is in it already), or the clear "invalid or
 * revoked" NOT_FOUND. Anything that cannot be a code never reaches the
 * database.
 */
import { prisma } from "../db/client";
import { joinCodeUnknown } from "./errors";
import { normaliseJoinCode } from "./join-code";

/** No user has it: with no viewer, "is a member" asks about nobody (an undefined filter would match everyone). */
const NOBODY = "00000000-0000-0000-0000-000000000000";

export async function findClassByJoinCode(input: string, viewer?: { id: string }) {
  const code = normaliseJoinCode(input);
  if (!code) throw joinCodeUnknown();
  const found = await prisma.class.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      course: { select: { titleZh: true, titleEn: true } },
      enrolments: { where: { userId: viewer?.id ?? NOBODY }, select: { id: true } },
      teachers: { orderBy: [{ role: "asc" }, { createdAt: "asc" }], select: { user: { select: { name: true, email: true } } } },
    },
  });
  if (!found) throw joinCodeUnknown();
  return {
    id: found.id,
    name: found.name,
    archived: found.archivedAt !== null,
    course: { "zh-CN": found.course.titleZh, en: found.course.titleEn },
    teacherNames: found.teachers.map(({ user }) => user.name ?? user.email),
    /** Whether the viewer (if given) is in the class already. */
    member: found.enrolments.length > 0,
  };
}

/**
 * The class a join code opens, as the invitation shows it (name, course,
 * teachers), or the clear "invalid or revoked" NOT_FOUND. Anything that
 * cannot be a code never reaches the database.
 */
import { prisma } from "../db/client";
import { joinCodeUnknown } from "./errors";
import { normaliseJoinCode } from "./join-code";

export async function findClassByJoinCode(input: string) {
  const code = normaliseJoinCode(input);
  if (!code) throw joinCodeUnknown();
  const found = await prisma.class.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      course: { select: { titleZh: true, titleEn: true } },
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
  };
}

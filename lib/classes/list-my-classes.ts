/** A student's classes, newest first, with the course and who teaches it. One query. */
import { prisma } from "../db/client";
import type { TBilingual } from "../content/schemas";

export type MyClass = { id: string; name: string; course: TBilingual; teacherNames: string[]; archived: boolean; joinedAt: Date };

export async function listMyClasses(userId: string): Promise<MyClass[]> {
  const enrolments = await prisma.enrolment.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      createdAt: true,
      class: {
        select: {
          id: true,
          name: true,
          archivedAt: true,
          course: { select: { titleZh: true, titleEn: true } },
          teachers: { orderBy: [{ role: "asc" }, { createdAt: "asc" }], select: { user: { select: { name: true, email: true } } } },
        },
      },
    },
  });
  return enrolments.map(({ createdAt, class: row }) => ({
    id: row.id,
    name: row.name,
    course: { "zh-CN": row.course.titleZh, en: row.course.titleEn },
    teacherNames: row.teachers.map(({ user }) => user.name ?? user.email),
    archived: row.archivedAt !== null,
    joinedAt: createdAt,
  }));
}

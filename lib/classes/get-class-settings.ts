/** What the settings page shows a class's teacher: the join code, the roster with join dates, the teachers. */
import { findTaughtClass, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import { listClassStudents } from "./class-course-items";

export async function getClassSettings(viewer: Viewer, classId: string) {
  const taught = await findTaughtClass(viewer, classId);
  const [course, teachers, students] = await Promise.all([
    prisma.course.findUniqueOrThrow({ where: { id: taught.courseId }, select: { titleZh: true, titleEn: true } }),
    prisma.classTeacher.findMany({
      where: { classId: taught.id },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    listClassStudents(taught.id),
  ]);
  return {
    class: { ...taught, archived: taught.archivedAt !== null, course: { "zh-CN": course.titleZh, en: course.titleEn } },
    teachers: teachers.map(({ role, createdAt, user }) => ({ ...user, role, addedAt: createdAt })),
    students,
  };
}

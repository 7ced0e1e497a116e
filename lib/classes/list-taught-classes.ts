/**
 * The teacher's home: the classes they teach (an admin asking for `all`:
 * every class), open ones first, with the course's title and the number
 * of students. One query.
 */
import { assertRole, TEACHING_ROLES, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import type { TBilingual } from "../content/schemas";

export type TaughtClassSummary = {
  id: string;
  name: string;
  course: TBilingual;
  joinCode: string | null;
  archived: boolean;
  studentCount: number;
  /** The viewer's place in it; null for an admin looking at someone else's class. */
  role: "OWNER" | "CO_TEACHER" | null;
};

export async function listTaughtClasses(viewer: Viewer, options: { all?: boolean } = {}): Promise<TaughtClassSummary[]> {
  assertRole(viewer, TEACHING_ROLES);
  const everything = options.all === true && viewer.role === "ADMIN";
  const classes = await prisma.class.findMany({
    where: everything ? {} : { teachers: { some: { userId: viewer.id } } },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      course: { select: { titleZh: true, titleEn: true } },
      teachers: { where: { userId: viewer.id }, select: { role: true } },
      _count: { select: { enrolments: true } },
    },
  });
  return classes.map((row) => ({
    id: row.id,
    name: row.name,
    course: { "zh-CN": row.course.titleZh, en: row.course.titleEn },
    joinCode: row.joinCode,
    archived: row.archivedAt !== null,
    studentCount: row._count.enrolments,
    role: row.teachers[0]?.role ?? null,
  }));
}

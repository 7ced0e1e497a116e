/** The courses a new class can follow: those not withdrawn, in catalogue order. */
import { prisma } from "../db/client";
import type { TBilingual } from "../content/schemas";

export async function listOpenCourses(): Promise<{ id: string; title: TBilingual }[]> {
  const courses = await prisma.course.findMany({
    where: { archivedAt: null },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: { id: true, titleZh: true, titleEn: true },
  });
  return courses.map((course) => ({ id: course.id, title: { "zh-CN": course.titleZh, en: course.titleEn } }));
}

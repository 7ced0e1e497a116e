import { prisma } from "../db/client";

/** The live courses, chapters and items, in order; archived content is hidden. */
export async function getCatalogue() {
  return prisma.course.findMany({
    where: { archivedAt: null },
    orderBy: { position: "asc" },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      chapters: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true,
          titleZh: true,
          titleEn: true,
          items: {
            where: { archivedAt: null },
            orderBy: { position: "asc" },
            select: { id: true, slug: true, kind: true, titleZh: true, titleEn: true },
          },
        },
      },
    },
  });
}

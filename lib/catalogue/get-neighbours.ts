/**
 * The items before and after one item in course order (chapter by chapter,
 * across chapter boundaries), for a page's previous/next links.
 */
import { prisma } from "../db/client";
import type { ItemKind } from "../generated/prisma/enums";
import { itemHref } from "./item-href";

type OrderedItem = { slug: string; kind: ItemKind; titleZh: string; titleEn: string };
export type Neighbour = OrderedItem & { href: string };
export type Neighbours = { previous: Neighbour | null; next: Neighbour | null };

/** The neighbours of `slug` in `items` (in course order); none when the slug is not among them. */
export function neighboursOf(items: OrderedItem[], slug: string): Neighbours {
  const index = items.findIndex((item) => item.slug === slug);
  const at = (position: number): Neighbour | null => {
    const item = index < 0 ? undefined : items[position];
    return item ? { ...item, href: itemHref(item) } : null;
  };
  return { previous: at(index - 1), next: at(index + 1) };
}

export async function getNeighbours(slug: string): Promise<Neighbours> {
  // Every live item of the course that holds `slug`, in one query.
  const items = await prisma.courseItem.findMany({
    where: {
      archivedAt: null,
      chapter: { archivedAt: null, course: { archivedAt: null, chapters: { some: { items: { some: { slug, archivedAt: null } } } } } },
    },
    orderBy: [{ chapter: { position: "asc" } }, { position: "asc" }],
    select: { slug: true, kind: true, titleZh: true, titleEn: true },
  });
  return neighboursOf(items, slug);
}

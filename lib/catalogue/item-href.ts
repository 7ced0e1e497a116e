import type { ItemKind } from "../generated/prisma/enums";

const SECTION: Record<ItemKind, string> = { LESSON: "lessons", EXERCISE: "exercises", QUIZ: "quizzes" };

/** Where an item of the course is read, solved or taken. */
export function itemHref(item: { kind: ItemKind; slug: string }): string {
  return `/${SECTION[item.kind]}/${item.slug}`;
}

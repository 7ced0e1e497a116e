/** The class's items grouped by chapter, in course order, for the assignment form. */
import type { ClassItem } from "@/lib/classes/class-course-items";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import type { FormChapter } from "@/components/assignments/assignment-form";

export function formChapters(items: ClassItem[], locale: Locale, t: Translate): FormChapter[] {
  const chapters: FormChapter[] = [];
  for (const item of items) {
    let chapter = chapters.at(-1);
    if (!chapter || chapter.id !== item.chapter.id) chapters.push((chapter = { id: item.chapter.id, title: item.chapter.title[locale], items: [] }));
    chapter.items.push({ id: item.id, title: item.title[locale], kindLabel: t(`item.${item.kind}`) });
  }
  return chapters;
}

export const FORM_MESSAGE_PREFIXES = ["assignments.form.", "assignments.extension.", "auth.networkError"];

/**
 * Where an item comes from, as a learner reads it: the tutorial's own title
 * and the section's number and heading (《一文学会 Python 异步编程!》 § 5.1
 * 任务取消:task.cancel ()), resolved from seeds.json when the content is
 * loaded, so no page ever shows a seed's file prefix or a section id alone.
 */
import type { TSeedReference, TSeedsFile } from "./schemas";

export type TItemSource = {
  /** The tutorial's title (seeds.json `label`, else `title`). */
  tutorial: string;
  /** The section's number (`5.1`) when it has one; `intro`, `faq.1` and the like have none. */
  section: string | null;
  /** The section's heading without its own numbering (`一、`, `1.`, `3.1`). */
  title: string;
};

const NUMBERED_SECTION = /^\d+(\.\d+)*$/;
/** The numbering a seed writes in front of its headings; the § number replaces it. */
const OWN_NUMBERING = /^(?:[一二三四五六七八九十]+、|\d+(?:\.\d+)*\.?\s+)/;

export function describeSources(references: TSeedReference[], seeds: TSeedsFile["seeds"]): TItemSource[] {
  return references.flatMap((reference) => {
    const seed = seeds.find((candidate) => candidate.seed === reference.seed);
    const section = seed?.sections.find((candidate) => candidate.id === reference.section);
    // An unknown reference is a content error reported by the loader; it has nothing to show.
    if (!seed || !section) return [];
    const numbered = NUMBERED_SECTION.test(section.id);
    const heading = section.label ?? (numbered ? section.title.replace(OWN_NUMBERING, "") : section.title);
    return [{ tutorial: seed.label ?? seed.title, section: numbered ? section.id : null, title: heading.trim() }];
  });
}

/** A section as it follows its tutorial's title: `§ 5.1 任务取消:task.cancel ()`, or the heading alone. */
export function sectionLabel(source: TItemSource): string {
  return source.section ? `§ ${source.section} ${source.title}` : source.title;
}

/** The sources grouped by tutorial, in the order they are first named, so a title is written once. */
export function groupSources(sources: TItemSource[]): { tutorial: string; sections: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const source of sources) {
    const sections = groups.get(source.tutorial) ?? [];
    sections.push(sectionLabel(source));
    groups.set(source.tutorial, sections);
  }
  return [...groups].map(([tutorial, sections]) => ({ tutorial, sections }));
}

/**
 * A starter file talks to the learner in comments, written in both languages
 * and marked: `# zh: …` is read in Chinese only, `# en: …` in English only,
 * and one line may carry both (`x = 1  # zh: 计数 # en: the count`). The
 * editor starts from the starter in the learner's language: the other
 * language's comments go (a line left empty by that goes too), the kept ones
 * lose their marker, and every other byte stays. Unmarked comments (`# TODO`,
 * `# noqa: F401`) are the same in both languages. docs/content-format.md,
 * "Starter comments".
 */
import type { Locale } from "../i18n/locales";

type Language = "zh" | "en";

const LANGUAGE_OF: Record<Locale, Language> = { "zh-CN": "zh", en: "en" };

/** A marker opens the comment or follows a space inside it; the one space after the colon is part of it. */
const MARKER = /(?:^|(?<=\s))# ?(zh|en): ?/g;

/** Han characters and CJK punctuation (full-width forms included). */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

type Comment = {
  /** Index of the comment's `#` in its line, or -1 when the line has none. */
  at: number;
  /** Text of the comment before its first marker (the whole comment when it has none). */
  neutral: string;
  segments: { language: Language; text: string }[];
};

/**
 * Where each line's comment starts, skipping `#` inside string literals
 * (a triple-quoted string may span lines). Backslash escapes are honoured;
 * a raw string's `\"` does not end it either, so one rule serves both.
 */
function commentsOf(lines: string[]): Comment[] {
  let openTriple: string | null = null;
  return lines.map((line) => {
    let index = 0;
    let at = -1;
    while (index < line.length && at < 0) {
      const char = line[index]!;
      if (openTriple) {
        if (char === "\\") index += 2;
        else if (line.startsWith(openTriple, index)) {
          index += 3;
          openTriple = null;
        } else index += 1;
      } else if (char === "#") {
        at = index;
      } else if (char === '"' || char === "'") {
        const triple = char.repeat(3);
        if (line.startsWith(triple, index)) {
          openTriple = triple;
          index += 3;
        } else {
          index += 1;
          while (index < line.length && line[index] !== char) index += line[index] === "\\" ? 2 : 1;
          index += 1;
        }
      } else index += 1;
    }
    return at < 0 ? { at, neutral: "", segments: [] } : splitComment(line.slice(at), at);
  });
}

function splitComment(comment: string, at: number): Comment {
  const markers = [...comment.matchAll(MARKER)];
  const first = markers[0];
  if (!first) return { at, neutral: comment, segments: [] };
  const segments = markers.map((marker, index) => ({
    language: marker[1] as Language,
    text: comment.slice(marker.index + marker[0].length, markers[index + 1]?.index ?? comment.length),
  }));
  return { at, neutral: comment.slice(0, first.index), segments };
}

/** The starter as a learner reading `locale` sees it. */
export function localizeStarter(source: string, locale: Locale): string {
  const language = LANGUAGE_OF[locale];
  const lines = source.split("\n");
  const comments = commentsOf(lines);
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const comment = comments[index]!;
    if (comment.segments.length === 0) {
      kept.push(line);
      return;
    }
    const code = line.slice(0, comment.at);
    const parts = [
      comment.neutral.trimEnd(),
      ...comment.segments.filter((segment) => segment.language === language).map((segment) => `# ${segment.text.trimEnd()}`),
    ].filter((part) => part !== "");
    if (parts.length > 0) kept.push(code + parts.join("  "));
    else if (code.trim() !== "") kept.push(code.trimEnd());
    // A line that was only the other language's comment is gone.
  });
  return kept.join("\n");
}

/**
 * What would make the localized starters wrong: a comment in Chinese without
 * its marker (an English reader would see it), or one language's comments
 * without the other's. Line numbers count from 1.
 */
export function starterCommentProblems(source: string): { line: number; message: string }[] {
  const comments = commentsOf(source.split("\n"));
  const problems: { line: number; message: string }[] = [];
  const languages = new Set<Language>();
  comments.forEach((comment, index) => {
    for (const segment of comment.segments) languages.add(segment.language);
    // Quoted text in a comment is the program's own output ("结果: World"), the same in both languages.
    if (CHINESE.test(comment.neutral.replace(/"[^"]*"|'[^']*'/g, ""))) {
      problems.push({
        line: index + 1,
        message: "this comment is in Chinese without a marker: write it as `# zh: …` and add its English as `# en: …`",
      });
    }
  });
  for (const [present, missing] of [["zh", "en"], ["en", "zh"]] as const) {
    if (languages.has(present) && !languages.has(missing)) {
      problems.push({ line: 1, message: `the starter has \`# ${present}:\` comments but no \`# ${missing}:\` ones: write them in both languages` });
    }
  }
  return problems;
}

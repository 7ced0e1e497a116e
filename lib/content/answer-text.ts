/**
 * How answer keys are written and compared, without the loader's file
 * access: the web app's quiz scoring imports this module, and importing
 * load-content.ts into a route would make the build trace every file of the
 * project (Turbopack's "dynamic filesystem access" warning).
 */

/** The blank of a fill_blank question. */
export const BLANK = "____";

/** Outputs compare without trailing spaces and trailing blank lines (editors strip them). */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

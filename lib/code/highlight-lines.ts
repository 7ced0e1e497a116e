/**
 * Read-only code as lines of coloured tokens, for code blocks and diffs.
 * The whole program is parsed at once (a string or bracket may span lines),
 * then cut into lines so that each can be numbered or diffed on its own.
 */
import { highlightCode } from "@lezer/highlight";
import { parser as pythonParser } from "@lezer/python";
import { splitLines } from "./diff-lines";
import { codeHighlighters } from "./token-classes";

export type CodeLanguage = "python" | "text";

/** A run of text and its `tok-*` classes ("" when plain). */
export type Token = { text: string; classes: string };

/** Fenced-code info strings that mean Python; any other is shown as plain text. */
const PYTHON_NAMES = new Set(["python", "py", "python3", "py3"]);

export function codeLanguage(info: string | undefined): CodeLanguage {
  return info !== undefined && PYTHON_NAMES.has(info.trim().toLowerCase()) ? "python" : "text";
}

export function highlightLines(code: string, language: CodeLanguage): Token[][] {
  const text = splitLines(code).join("\n");
  if (language === "text") return text === "" ? [] : text.split("\n").map((line) => (line === "" ? [] : [{ text: line, classes: "" }]));
  const lines: Token[][] = [[]];
  highlightCode(
    text,
    pythonParser.parse(text),
    codeHighlighters,
    (piece, classes) => lines[lines.length - 1]?.push({ text: piece, classes }),
    () => lines.push([]),
  );
  return text === "" ? [] : lines;
}

/**
 * What the code editor does to its document and its error marks, at the
 * level of CodeMirror's state (no DOM), so it can be tested in Node.
 */
import { isolateHistory } from "@codemirror/commands";
import type { Diagnostic } from "@codemirror/lint";
import type { EditorState, Text, TransactionSpec } from "@codemirror/state";

/** An error the grader or the runner reported: a 1-based line and what went wrong. */
export type CodeError = { line: number; message: string };

/**
 * The transaction that makes the document say `value` (a new attempt loaded,
 * the starter restored), or null when it already does. Only the stretch that
 * differs is replaced, so the cursor keeps its place around it; the change
 * is one history event of its own, so one undo brings the old code back.
 */
export function replaceDocument(state: EditorState, value: string): TransactionSpec | null {
  const current = state.doc.toString();
  if (current === value) return null;
  let start = 0;
  const shorter = Math.min(current.length, value.length);
  while (start < shorter && current.charCodeAt(start) === value.charCodeAt(start)) start += 1;
  let end = 0;
  while (
    end < shorter - start &&
    current.charCodeAt(current.length - 1 - end) === value.charCodeAt(value.length - 1 - end)
  ) {
    end += 1;
  }
  return {
    changes: { from: start, to: current.length - end, insert: value.slice(start, value.length - end) },
    annotations: isolateHistory.of("full"),
    userEvent: "input.replace",
    scrollIntoView: false,
  };
}

/**
 * The lint diagnostics for some errors: each underlines its line's code
 * (from the first non-blank character; an empty line gets a point mark).
 * A line past the end marks the last line, so no error goes unshown.
 */
export function errorDiagnostics(doc: Text, errors: readonly CodeError[]): Diagnostic[] {
  return errors.map((error) => {
    const line = doc.line(Math.min(Math.max(1, Math.floor(error.line)), doc.lines));
    const indent = /^\s*/.exec(line.text)?.[0].length ?? 0;
    const from = indent === line.length ? line.from : line.from + indent;
    return { from, to: line.to, severity: "error", message: error.message };
  });
}

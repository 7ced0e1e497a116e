import { history, undo, undoDepth } from "@codemirror/commands";
import { EditorSelection, EditorState, Text, type Transaction } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { errorDiagnostics, replaceDocument } from "./editor-document";

/** Applies a command to a state held in a variable, as a view would. */
function run(state: EditorState, command: (target: { state: EditorState; dispatch: (tr: Transaction) => void }) => boolean) {
  let next = state;
  command({ state, dispatch: (transaction) => (next = transaction.state) });
  return next;
}

describe("replaceDocument", () => {
  it("does nothing when the document already says the value (an echo of typing)", () => {
    const state = EditorState.create({ doc: "print(1)\n" });
    expect(replaceDocument(state, "print(1)\n")).toBeNull();
  });

  it("replaces only the stretch that differs, so the cursor before it stays put", () => {
    const state = EditorState.create({ doc: "import asyncio\nx = 1\nrun()\n", selection: EditorSelection.cursor(3) });
    const spec = replaceDocument(state, "import asyncio\nx = 22\nrun()\n");
    expect(spec?.changes).toEqual({ from: 19, to: 20, insert: "22" });
    const next = state.update(spec ?? {}).state;
    expect(next.doc.toString()).toBe("import asyncio\nx = 22\nrun()\n");
    expect(next.selection.main.head).toBe(3);
  });

  it("handles a value that is a prefix or an extension of the document", () => {
    const state = EditorState.create({ doc: "aaa" });
    expect(state.update(replaceDocument(state, "aaaa") ?? {}).state.doc.toString()).toBe("aaaa");
    expect(state.update(replaceDocument(state, "a") ?? {}).state.doc.toString()).toBe("a");
    expect(state.update(replaceDocument(state, "") ?? {}).state.doc.toString()).toBe("");
  });

  it("is one undo step of its own, apart from the typing before it", () => {
    let state = EditorState.create({ doc: "", extensions: [history()] });
    state = state.update({ changes: { from: 0, insert: "x" }, userEvent: "input.type" }).state;
    state = state.update({ changes: { from: 1, insert: "y" }, userEvent: "input.type" }).state;
    expect(undoDepth(state)).toBe(1); // typing merges into one event
    state = state.update(replaceDocument(state, "loaded attempt") ?? {}).state;
    expect(undoDepth(state)).toBe(2);
    state = run(state, undo);
    expect(state.doc.toString()).toBe("xy");
    state = run(state, undo);
    expect(state.doc.toString()).toBe("");
  });
});

describe("errorDiagnostics", () => {
  const doc = Text.of(["async def main():", "    await asyncio.sleep(1)", "", "asyncio.run(main())"]);

  it("underlines the line's code, from its first non-blank character to its end", () => {
    const [diagnostic] = errorDiagnostics(doc, [{ line: 2, message: "NameError: name 'asyncio' is not defined" }]);
    const line = doc.line(2);
    expect(diagnostic).toEqual({
      from: line.from + 4,
      to: line.to,
      severity: "error",
      message: "NameError: name 'asyncio' is not defined",
    });
  });

  it("marks an empty line with a point, and a line past the end on the last line", () => {
    const [empty, past, before] = errorDiagnostics(doc, [
      { line: 3, message: "a" },
      { line: 99, message: "b" },
      { line: 0, message: "c" },
    ]);
    expect(empty).toMatchObject({ from: doc.line(3).from, to: doc.line(3).from });
    expect(past).toMatchObject({ from: doc.line(4).from, to: doc.line(4).to });
    expect(before).toMatchObject({ from: doc.line(1).from, to: doc.line(1).to });
  });
});

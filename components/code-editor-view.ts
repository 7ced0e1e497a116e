/**
 * The CodeMirror 6 view behind components/code-editor.tsx, in a module of its
 * own so that the page loads it after hydration, in a chunk of its own.
 *
 * Only what a learner's Python editor needs: no autocompletion, search
 * panel or other languages (they would cost JavaScript on every exercise).
 */
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { pythonLanguage } from "@codemirror/lang-python";
import { lintGutter, setDiagnostics, setDiagnosticsEffect } from "@codemirror/lint";
import { Compartment, EditorState, Prec, RangeSetBuilder, StateField, type Extension } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type DecorationSet,
} from "@codemirror/view";
import { errorDiagnostics, replaceDocument, type CodeError } from "@/lib/code/editor-document";
import { codeHighlighters } from "@/lib/code/token-classes";

export type EditorCallbacks = {
  onChange(code: string): void;
  onSubmit?: () => void;
  onRun?: () => void;
};

export type EditorOptions = {
  parent: HTMLElement;
  value: string;
  errors: readonly CodeError[];
  readOnly: boolean;
  contentAttributes: Record<string, string>;
  /** Read at each key press or change, so the caller's latest handlers run. */
  callbacks: () => EditorCallbacks;
};

/** What the React component does to a live editor. */
export type EditorHandle = {
  /** Replaces the code (one undoable step) unless it already is `value`. */
  setValue(value: string): void;
  setErrors(errors: readonly CodeError[]): void;
  setReadOnly(readOnly: boolean): void;
  setContentAttributes(attributes: Record<string, string>): void;
  /** Puts the cursor at the start of a line's code and focuses the editor. */
  focusLine(line: number): void;
  destroy(): void;
};

/**
 * A class on each line that has an error, besides lint's underline and
 * gutter marker, so the line stands out even where the error is a single
 * character. It follows lint's own diagnostics, so the two never disagree.
 */
const errorLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(lines, transaction) {
    let next = lines.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setDiagnosticsEffect)) continue;
      const starts = [...new Set(effect.value.map((diagnostic) => transaction.state.doc.lineAt(diagnostic.from).from))].sort((a, b) => a - b);
      const builder = new RangeSetBuilder<Decoration>();
      for (const start of starts) builder.add(start, start, errorLine);
      next = builder.finish();
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
const errorLine = Decoration.line({ class: "cm-error-line" });

export function createEditorView(options: EditorOptions): EditorHandle {
  const readOnly = new Compartment();
  const attributes = new Compartment();
  const readOnlyExtension = (on: boolean): Extension => [EditorState.readOnly.of(on)];
  // Prec.highest: the default keymap binds Mod-Enter to "insert a blank line".
  const shortcuts = Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        preventDefault: true,
        run: () => {
          const submit = options.callbacks().onSubmit;
          submit?.();
          return submit !== undefined;
        },
      },
      {
        key: "Mod-'",
        preventDefault: true,
        run: () => {
          const run = options.callbacks().onRun;
          run?.();
          return run !== undefined;
        },
      },
    ]),
  );
  let settingValue = false;
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        highlightSpecialChars(),
        history(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        pythonLanguage,
        codeHighlighters.map((highlighter) => syntaxHighlighting(highlighter)),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        lintGutter(),
        errorLines,
        EditorView.lineWrapping,
        shortcuts,
        // Tab indents; Esc then Tab leaves the editor (CodeMirror's own escape, shown under the editor).
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        readOnly.of(readOnlyExtension(options.readOnly)),
        attributes.of(EditorView.contentAttributes.of(options.contentAttributes)),
        EditorView.updateListener.of((update) => {
          // A change the caller made through setValue is not reported back to it.
          if (update.docChanged && !settingValue) options.callbacks().onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  const handle: EditorHandle = {
    setValue(value) {
      const spec = replaceDocument(view.state, value);
      if (!spec) return;
      settingValue = true;
      try {
        view.dispatch(spec);
      } finally {
        settingValue = false;
      }
    },
    setErrors(errors) {
      view.dispatch(setDiagnostics(view.state, errorDiagnostics(view.state.doc, errors)));
    },
    setReadOnly(on) {
      view.dispatch({ effects: readOnly.reconfigure(readOnlyExtension(on)) });
    },
    setContentAttributes(next) {
      view.dispatch({ effects: attributes.reconfigure(EditorView.contentAttributes.of(next)) });
    },
    focusLine(number) {
      const line = view.state.doc.line(Math.min(Math.max(1, number), view.state.doc.lines));
      const indent = /^\s*/.exec(line.text)?.[0].length ?? 0;
      view.dispatch({ selection: { anchor: line.from + indent }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
  if (options.errors.length > 0) handle.setErrors(options.errors);
  return handle;
}

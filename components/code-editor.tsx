"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import type { CodeError } from "@/lib/code/editor-document";
import { formatMessage } from "@/lib/i18n/format-message";
import type { EditorHandle } from "./code-editor-view";

export type { CodeError };

/**
 * The Python code editor (CodeMirror 6): highlighting, line numbers,
 * auto-indent (4 spaces), Tab / Shift-Tab indent and dedent the selection,
 * undo / redo, bracket matching and closing. Mod-Enter (Ctrl on Linux and
 * Windows, Cmd on macOS) calls `onSubmit`, Mod-' calls `onRun`. Esc then
 * Tab leaves the editor, as CodeMirror documents; a hint under it says so.
 *
 * Controlled, but typing never resets the cursor or the undo history: the
 * document follows `value` only when the caller sets something else than
 * what the editor reported (loading an attempt, restoring the starter), and
 * then as one undoable step.
 *
 * `errors` mark their lines (gutter marker, underline, line colour, the
 * message on hover) and are listed under the editor, each a button to its
 * line. `labelledBy`: the id of a visible label or heading, which names the
 * editor's textbox (`getByRole("textbox", { name })`). `messages`:
 * pickMessages(locale, ["editor."]).
 *
 * Until CodeMirror has loaded (in a chunk of its own, after hydration) the
 * code is shown as plain text laid out like the editor, so nothing jumps.
 */
export type CodeEditorProps = {
  value: string;
  onChange(code: string): void;
  onSubmit?: () => void;
  onRun?: () => void;
  errors?: readonly CodeError[];
  labelledBy: string;
  describedBy?: string;
  readOnly?: boolean;
  messages: Record<string, string | undefined>;
};

const NO_ERRORS: readonly CodeError[] = [];

export function CodeEditor(props: CodeEditorProps) {
  const text = (key: string, values?: Record<string, string | number>) => formatMessage(props.messages, key, values);
  const errors = props.errors ?? NO_ERRORS;
  const readOnly = props.readOnly ?? false;
  const hintId = useId();
  const errorsId = useId();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorHandle | null>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef(props);
  // Values the editor reported that the caller has not handed back yet: when
  // one comes back as `value` it is an echo of typing, not a new document.
  const unacknowledged = useRef<string[]>([]);
  const mod = useSyncExternalStore(noSubscription, modifierName, () => "Ctrl");

  const describedBy = [props.describedBy, hintId, errors.length > 0 ? errorsId : undefined].filter(Boolean).join(" ");
  const contentAttributes = {
    "aria-labelledby": props.labelledBy,
    "aria-describedby": describedBy,
    spellcheck: "false",
    autocapitalize: "off",
    autocorrect: "off",
    translate: "no",
  };
  const attributesKey = JSON.stringify(contentAttributes);
  const initial = useRef({ errors, readOnly, contentAttributes });
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    let cancelled = false;
    void import("./code-editor-view").then(({ createEditorView }) => {
      const parent = host.current;
      if (cancelled || !parent) return;
      unacknowledged.current = [];
      editor.current = createEditorView({
        parent,
        value: latest.current.value,
        errors: initial.current.errors,
        readOnly: initial.current.readOnly,
        contentAttributes: initial.current.contentAttributes,
        callbacks: () => ({
          onChange: (code) => {
            unacknowledged.current.push(code);
            latest.current.onChange(code);
          },
          onSubmit: latest.current.onSubmit,
          onRun: latest.current.onRun,
        }),
      });
      setReady(true);
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const pending = unacknowledged.current;
    const echo = pending.lastIndexOf(props.value);
    if (echo >= 0) {
      pending.splice(0, echo + 1);
      return;
    }
    pending.length = 0;
    editor.current?.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    editor.current?.setErrors(errors);
  }, [errors, ready]);

  useEffect(() => {
    editor.current?.setReadOnly(readOnly);
  }, [readOnly, ready]);

  useEffect(() => {
    editor.current?.setContentAttributes(JSON.parse(attributesKey) as Record<string, string>);
  }, [attributesKey, ready]);

  const hints = [
    props.onSubmit && !readOnly ? text("editor.submitShortcut", { mod }) : null,
    props.onRun ? text("editor.runShortcut", { mod }) : null,
    text("editor.escapeHint"),
  ].filter((hint): hint is string => hint !== null);

  return (
    <div className="code-editor-block">
      <div className="code-editor-frame" data-ready={ready ? "true" : "false"} data-testid="code-editor">
        <div ref={host} className="code-editor-host" />
        {!ready && (
          <pre className="code-editor-fallback">
            {props.value.split("\n").map((line, index) => (
              <span key={index} className="code-line">
                {line}
                {"\n"}
              </span>
            ))}
          </pre>
        )}
      </div>
      <p id={hintId} className="editor-hint">
        {hints.join(" · ")}
      </p>
      {errors.length > 0 && (
        <div id={errorsId} className="editor-errors" role="group" aria-label={text("editor.errorsTitle")}>
          <ul>
            {errors.map((error, index) => (
              <li key={index}>
                <button
                  type="button"
                  className="link-button"
                  aria-label={text("editor.goToLine", { line: error.line })}
                  onClick={() => editor.current?.focusLine(error.line)}
                >
                  {text("editor.errorLine", { line: error.line })}
                </button>
                : {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function noSubscription() {
  return () => {};
}

/** "Cmd" where the platform's shortcuts use ⌘ (macOS, iOS), else "Ctrl": what CodeMirror's "Mod" means there. */
function modifierName(): string {
  return /Mac|iPhone|iPad|iPod/.test(navigator.platform) ? "Cmd" : "Ctrl";
}

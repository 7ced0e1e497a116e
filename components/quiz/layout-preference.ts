/**
 * "One question at a time" or "all on one page", remembered in this
 * browser (localStorage) and read through useSyncExternalStore, so the
 * server render and hydration agree (one at a time) before it applies.
 */
import { useSyncExternalStore } from "react";

export type QuizLayout = "one" | "all";
const KEY = "awaitable.quiz.layout";
const listeners = new Set<() => void>();
/** The choice made on this page when storage refused to keep it (private mode). */
let unsaved: QuizLayout | null = null;

function read(): QuizLayout {
  if (unsaved) return unsaved;
  try {
    return window.localStorage.getItem(KEY) === "all" ? "all" : "one";
  } catch {
    return "one";
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function useQuizLayout(): [QuizLayout, (layout: QuizLayout) => void] {
  const layout = useSyncExternalStore(subscribe, read, () => "one" as const);
  const setLayout = (next: QuizLayout) => {
    try {
      window.localStorage.setItem(KEY, next);
      unsaved = null;
    } catch {
      unsaved = next;
    }
    for (const listener of listeners) listener();
  };
  return [layout, setLayout];
}

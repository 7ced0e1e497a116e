"use client";

import { useState } from "react";

/** Hints one at a time, weakest first: the learner asks for as much help as they need. */
export function Hints({ hints, labels }: { hints: string[]; labels: { show: string; next: string; title: string } }) {
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <section className="hints" aria-label={labels.title}>
      {shown > 0 && (
        <ol>
          {hints.slice(0, shown).map((hint, index) => (
            <li key={index}>{hint}</li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="secondary" onClick={() => setShown(shown + 1)}>
          {shown === 0 ? labels.show : labels.next} ({shown + 1}/{hints.length})
        </button>
      )}
    </section>
  );
}

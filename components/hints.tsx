import type { Locale } from "@/lib/i18n/locales";
import { Markdown } from "./markdown";
import { RevealHintButton } from "./reveal-hint-button";

type Bilingual = { "zh-CN": string; en: string };

/**
 * Hints one at a time, weakest first. The server decides what is unlocked
 * (the first at once, one more per attempt) and remembers what was
 * revealed; a hint's text reaches the page only once asked for, rendered
 * here on the server (the button asks, then the page is re-read).
 */
export function Hints(props: {
  exerciseId: string;
  locale: Locale;
  total: number;
  unlocked: number;
  revealed: Bilingual[];
  signedIn: boolean;
  /** Already filled in by the page: `count` "Hints (1/3)", `lockedAfter` "unlocks with 1 more attempt". */
  labels: { show: string; next: string; title: string; lockedAfter: string; count: string };
}) {
  if (props.total === 0) return null;
  const shown = props.revealed.length;
  const canReveal = props.signedIn && shown < props.total && shown < props.unlocked;
  return (
    <section className="hints" aria-labelledby="hints-title">
      <h2 id="hints-title">{props.labels.count}</h2>
      {shown > 0 && (
        <ol>
          {props.revealed.map((hint, index) => (
            <li key={index}>
              <Markdown>{hint[props.locale]}</Markdown>
            </li>
          ))}
        </ol>
      )}
      {shown < props.total && props.signedIn && (
        <p>
          <RevealHintButton exerciseId={props.exerciseId} locale={props.locale} disabled={!canReveal}>
            {shown === 0 ? props.labels.show : props.labels.next} ({shown + 1}/{props.total})
          </RevealHintButton>{" "}
          {!canReveal && <span className="muted">{props.labels.lockedAfter}</span>}
        </p>
      )}
    </section>
  );
}

/**
 * The words and symbols the teacher's pages use for a cell: a symbol and a
 * word for the status (colour is never the only sign), the late marker, the
 * tooltip and the accessible name. Shared by the matrix, a student's page
 * and the drill-down so they describe a cell the same way.
 */
import type { Translate } from "@/lib/i18n/server";
import type { MatrixCell } from "@/lib/matrix/cell";
import { percent } from "../item-status-mark";

export const STATUS_SYMBOL = { solved: "✓", attempted: "◐", "not-started": "·" } as const;
// Glyphs every system font has (an emoji clock is a box where no emoji font is installed).
export const LATE_SYMBOL = "※";
export const STRUGGLING_SYMBOL = "!";

// The course map's own form of a score, so every page writes it alike.
export { percent };

export function dateFormatter(locale: string, timeZone: string) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (date: Date) => format.format(date);
}

export function statusWord(t: Translate, kind: "EXERCISE" | "QUIZ", status: MatrixCell["status"]): string {
  return kind === "QUIZ" && status === "solved" ? t("matrix.status.passed") : t(`matrix.status.${status}`);
}

export function latenessWord(t: Translate, cell: MatrixCell): string | null {
  if (cell.lateness === "late") return t("matrix.late");
  if (cell.lateness === "missing") return t("matrix.missing");
  return null;
}

/** "solved, 100%, 3 attempts, 1 hints, late": the status and everything behind it, in words. */
export function describeCell(t: Translate, kind: "EXERCISE" | "QUIZ", cell: MatrixCell): string {
  return [
    statusWord(t, kind, cell.status),
    cell.bestScore === null ? null : percent(cell.bestScore),
    t("matrix.attempts", { count: cell.attempts }),
    kind === "EXERCISE" ? t("matrix.hints", { count: cell.hintsRevealed }) : null,
    latenessWord(t, cell),
    cell.struggling ? t("matrix.struggling") : null,
  ]
    .filter(Boolean)
    .join(", ");
}

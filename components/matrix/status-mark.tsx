import type { Translate } from "@/lib/i18n/server";
import type { MatrixCell } from "@/lib/matrix/cell";
import { LATE_SYMBOL, latenessWord, percent, STATUS_SYMBOL, statusWord } from "./cell-text";

/** A cell's status in full words, for the student's page and the drill-down. */
export function StatusMark({ t, kind, cell }: { t: Translate; kind: "EXERCISE" | "QUIZ"; cell: MatrixCell }) {
  const late = latenessWord(t, cell);
  return (
    <span className={`matrix-mark matrix-${cell.status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[cell.status]}</span> {statusWord(t, kind, cell.status)}
      {cell.bestScore !== null && <> · {percent(cell.bestScore)}</>}
      {late && (
        <span className="matrix-late-word">
          {" "}
          <span aria-hidden="true">{LATE_SYMBOL}</span> {late}
        </span>
      )}
      {cell.struggling && <span className="matrix-struggling-word"> ! {t("matrix.struggling")}</span>}
    </span>
  );
}

import type { ItemKind } from "@/lib/generated/prisma/enums";
import type { ItemProgress } from "@/lib/progress/item-status";
import type { Translate } from "@/lib/i18n/server";

const ICONS = { "not-started": "○", attempted: "◐", solved: "✓" } as const;

export const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** The words for a status: a lesson is read, a quiz passed, an exercise solved. */
export function statusLabel(t: Translate, kind: ItemKind, status: ItemProgress["status"]): string {
  if (kind === "LESSON") return t(status === "solved" ? "progress.lessonStatus.solved" : "progress.lessonStatus.not-started");
  if (kind === "QUIZ" && status === "solved") return t("progress.quizStatus.solved");
  return t(`progress.status.${status}`);
}

/**
 * A student's status on an item as an icon and words (never colour alone),
 * with the best score once there is one: "✓ 已完成 · 100%", "◐ 已尝试 · 最高 60%".
 */
export function ItemStatusMark({ t, kind, progress }: { t: Translate; kind: ItemKind; progress: ItemProgress }) {
  const { status, bestScore } = progress;
  const score =
    bestScore === null ? null : status === "solved" ? percent(bestScore) : t("progress.bestScore", { score: percent(bestScore) });
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span className="status-icon" aria-hidden="true">
        {ICONS[status]}
      </span>{" "}
      {statusLabel(t, kind, status)}
      {score && kind !== "LESSON" && <> · {score}</>}
    </span>
  );
}

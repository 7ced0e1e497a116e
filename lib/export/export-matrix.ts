/**
 * The progress matrix as CSV, one record per student × item (the shape a
 * spreadsheet filters and pivots best), optionally for one assignment only.
 */
import type { Viewer } from "../access/access";
import { getProgressMatrix } from "../matrix/get-progress-matrix";
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { toCsv } from "./csv";

export const MATRIX_CSV_HEADER = [
  "student",
  "email",
  "item",
  "title_zh",
  "title_en",
  "kind",
  "status",
  "best_score",
  "attempts",
  "hints",
  "first_solved_at",
  "late",
];

export async function exportMatrix(viewer: Viewer, classId: string, assignmentId?: string, now = new Date()) {
  const matrix = await getProgressMatrix(viewer, classId, { assignment: assignmentId }, now);
  // The page ignores an assignment that is not the class's; a download of "that assignment" must not quietly be everything.
  if (assignmentId && matrix.filters.assignment !== assignmentId) throw new AppError("NOT_FOUND", bilingual("matrix.error.assignmentNotFound"));
  const records = matrix.rows.flatMap((row) =>
    matrix.items.map((item, index) => {
      const cell = row.cells[index]!;
      return [
        row.student.name ?? "",
        row.student.email,
        item.slug,
        item.title["zh-CN"],
        item.title.en,
        item.kind.toLowerCase(),
        cell.status,
        cell.bestScore === null ? null : Math.round(cell.bestScore * 1000) / 1000,
        cell.attempts,
        cell.hintsRevealed,
        cell.firstSolvedAt,
        cell.lateness === "late" || cell.lateness === "missing",
      ];
    }),
  );
  return { csv: toCsv(MATRIX_CSV_HEADER, records), className: matrix.class.name };
}

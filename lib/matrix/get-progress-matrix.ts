/**
 * The progress matrix of a class: its students (rows) × the exercises and
 * quizzes of its course (columns), each cell a status, best score, attempts,
 * hints and lateness; per-row totals and per-column solve rates. Filters and
 * sorting are applied here so the page, the export and the tests agree.
 * The number of queries does not depend on the number of students.
 */
import { findTaughtClass, type TaughtClass, type Viewer } from "../access/access";
import { listClassItems, listClassStudents, type ClassItem, type ClassStudent } from "../classes/class-course-items";
import { buildCell, type MatrixCell } from "./cell";
import { readClassWork, type ClassAssignment } from "./read-class-work";
import type { TMatrixFilters } from "./schemas";

export type MatrixRow = {
  student: ClassStudent;
  cells: MatrixCell[];
  solved: number;
  /** Mean best score over the shown items, counting an item with nothing scored as 0. */
  averageScore: number;
};

export type ProgressMatrix = {
  class: TaughtClass;
  filters: TMatrixFilters;
  /** The shown columns, in course order. */
  items: ClassItem[];
  rows: MatrixRow[];
  /** Per shown column: the share of the shown students who solved it (null with no students). */
  solveRates: (number | null)[];
  /** For the filter form. */
  options: {
    assignments: Pick<ClassAssignment, "id" | "title" | "dueAt">[];
    chapters: ClassItem["chapter"][];
    concepts: string[];
  };
  /** Students enrolled before filtering: an empty class shows the join-code hint, not "no match". */
  enrolled: number;
};

const displayName = (student: ClassStudent) => student.name ?? student.email;

export async function getProgressMatrix(viewer: Viewer, classId: string, filters: TMatrixFilters, now = new Date()): Promise<ProgressMatrix> {
  const taught = await findTaughtClass(viewer, classId);
  const [allItems, students] = await Promise.all([listClassItems(taught.courseId), listClassStudents(taught.id)]);
  const work = await readClassWork(taught.id, allItems);

  const assignment = filters.assignment ? work.assignments.find((candidate) => candidate.id === filters.assignment) : undefined;
  // An assignment of another class (or deleted) filters nothing out rather than showing an empty matrix.
  const activeFilters: TMatrixFilters = assignment ? filters : { ...filters, assignment: undefined };
  const items = allItems.filter(
    (item) =>
      (!assignment || assignment.itemIds.includes(item.id)) &&
      (!filters.chapter || item.chapter.slug === filters.chapter) &&
      (!filters.concept || item.concepts.includes(filters.concept)),
  );

  let rows: MatrixRow[] = students.map((student) => {
    const cells = items.map((item) => buildCell(work.work(student.id, item), work.dueDate(student.id, item.id, assignment?.id), now));
    const solved = cells.filter((cell) => cell.status === "solved").length;
    const averageScore = cells.length === 0 ? 0 : cells.reduce((sum, cell) => sum + (cell.bestScore ?? 0), 0) / cells.length;
    return { student, cells, solved, averageScore };
  });

  if (filters.view === "not-started") rows = rows.filter((row) => row.cells.every((cell) => cell.status === "not-started"));
  if (filters.view === "struggling") rows = rows.filter((row) => row.cells.some((cell) => cell.struggling));

  rows = sortRows(rows, items, activeFilters);

  const solveRates = items.map((_, index) =>
    rows.length === 0 ? null : rows.filter((row) => row.cells[index]?.status === "solved").length / rows.length,
  );

  const chapters = [...new Map(allItems.map((item) => [item.chapter.id, item.chapter])).values()];
  const concepts = [...new Set(allItems.flatMap((item) => item.concepts))].sort();
  return {
    class: taught,
    filters: activeFilters,
    items,
    rows,
    solveRates,
    options: { assignments: work.assignments.map(({ id, title, dueAt }) => ({ id, title, dueAt })), chapters, concepts },
    enrolled: students.length,
  };
}

/**
 * By name (the default, ascending), by total (average score, then solved
 * count; descending by default: the strongest first) or by one item's best
 * score (descending by default; nothing scored sorts below 0). Ties by name.
 */
export function sortRows(rows: MatrixRow[], items: ClassItem[], filters: TMatrixFilters): MatrixRow[] {
  const byName = (a: MatrixRow, b: MatrixRow) =>
    displayName(a.student).localeCompare(displayName(b.student)) || a.student.email.localeCompare(b.student.email);
  const sort = filters.sort ?? "student";
  const itemIndex = sort === "item" ? items.findIndex((item) => item.id === filters.item) : -1;
  if (sort === "student" || (sort === "item" && itemIndex < 0)) {
    const direction = filters.dir === "desc" ? -1 : 1;
    return [...rows].sort((a, b) => direction * byName(a, b));
  }
  const direction = filters.dir === "asc" ? 1 : -1;
  const compare = (a: MatrixRow, b: MatrixRow) =>
    sort === "total"
      ? a.averageScore - b.averageScore || a.solved - b.solved
      : (a.cells[itemIndex]?.bestScore ?? -1) - (b.cells[itemIndex]?.bestScore ?? -1);
  return [...rows].sort((a, b) => direction * compare(a, b) || byName(a, b));
}

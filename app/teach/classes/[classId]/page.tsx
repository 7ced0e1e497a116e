import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslator, type Translate } from "@/lib/i18n/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { getProgressMatrix, type ProgressMatrix } from "@/lib/matrix/get-progress-matrix";
import { firstValues, MATRIX_VIEWS, readMatrixFilters, type TMatrixFilters } from "@/lib/matrix/schemas";
import { STRUGGLING_ATTEMPTS, STRUGGLING_HINTS } from "@/lib/matrix/cell";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { dateFormatter, describeCell, LATE_SYMBOL, percent, STATUS_SYMBOL, STRUGGLING_SYMBOL } from "@/components/matrix/cell-text";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The query string of the matrix with some filters changed; empty values dropped. */
function matrixHref(base: string, filters: TMatrixFilters, change: Partial<TMatrixFilters>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...change })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/**
 * The class's progress matrix: students × exercises and quizzes. Server
 * rendered with one small link per cell (no client component per cell), so
 * 200 × 40 stays light; the tooltip is CSS over a data attribute.
 */
export default async function MatrixPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}`, TEACHING_ROLES);
  const filters = readMatrixFilters(firstValues(await searchParams));
  const matrix = await orNotFound(getProgressMatrix(user, classId, filters));
  const base = `/teach/classes/${matrix.class.id}`;
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const when = dateFormatter(locale, timeZone);
  const exportHref = `/api/classes/${matrix.class.id}/export/matrix${matrix.filters.assignment ? `?assignment=${matrix.filters.assignment}` : ""}`;

  return (
    <section className="matrix-page" aria-labelledby="matrix-title">
      <h1 id="matrix-title">
        {t("matrix.title")} · {matrix.class.name}
      </h1>
      {matrix.enrolled === 0 ? (
        <div className="card">
          <p>{t("matrix.noStudents")}</p>
          <p className="muted">{t("matrix.noStudentsHint")}</p>
          <Link className="button" href={`${base}/settings`}>
            {t("matrix.toSettings")}
          </Link>
        </div>
      ) : (
        <>
          <FilterForm t={t} matrix={matrix} base={base} locale={locale} />
          <p className="matrix-actions">
            <a className="button secondary" href={exportHref} download>
              {t("matrix.export")}
            </a>
            {matrix.filters.assignment && (
              <a className="button secondary" href={`/api/classes/${matrix.class.id}/assignments/${matrix.filters.assignment}/export`} download>
                {t("matrix.exportAssignment")}
              </a>
            )}
          </p>
          <Legend t={t} />
          {matrix.items.length === 0 ? (
            <p className="card">{t("matrix.noItems")}</p>
          ) : matrix.rows.length === 0 ? (
            <p className="card">{t("matrix.noMatch")}</p>
          ) : (
            <MatrixTable t={t} matrix={matrix} base={base} locale={locale} when={when} />
          )}
        </>
      )}
    </section>
  );
}

function FilterForm({ t, matrix, base, locale }: { t: Translate; matrix: ProgressMatrix; base: string; locale: "zh-CN" | "en" }) {
  const { filters, options } = matrix;
  return (
    <form className="matrix-filters card" method="get" action={base} aria-label={t("matrix.filters")}>
      <label>
        {t("matrix.filter.assignment")}
        <select name="assignment" defaultValue={filters.assignment ?? ""}>
          <option value="">{t("matrix.filter.any")}</option>
          {options.assignments.map((assignment) => (
            <option key={assignment.id} value={assignment.id}>
              {assignment.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("matrix.filter.chapter")}
        <select name="chapter" defaultValue={filters.chapter ?? ""}>
          <option value="">{t("matrix.filter.any")}</option>
          {options.chapters.map((chapter) => (
            <option key={chapter.id} value={chapter.slug}>
              {chapter.title[locale]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("matrix.filter.concept")}
        <select name="concept" defaultValue={filters.concept ?? ""}>
          <option value="">{t("matrix.filter.any")}</option>
          {options.concepts.map((concept) => (
            <option key={concept} value={concept}>
              {concept}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("matrix.filter.view")}
        <select name="view" defaultValue={filters.view ?? ""}>
          {MATRIX_VIEWS.map((view) => (
            <option key={view} value={view === "all" ? "" : view}>
              {t(`matrix.view.${view}`)}
            </option>
          ))}
        </select>
      </label>
      {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.item && <input type="hidden" name="item" value={filters.item} />}
      {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
      <button type="submit">{t("matrix.apply")}</button>
      <Link href={base}>{t("matrix.reset")}</Link>
    </form>
  );
}

function Legend({ t }: { t: Translate }) {
  return (
    <details className="matrix-legend card" open>
      <summary>{t("matrix.legend")}</summary>
      <ul>
        <li>
          <span className="matrix-chip matrix-solved" aria-hidden="true">{STATUS_SYMBOL.solved} 100%</span> {t("matrix.legend.solved")}
        </li>
        <li>
          <span className="matrix-chip matrix-attempted" aria-hidden="true">{STATUS_SYMBOL.attempted} 50%</span> {t("matrix.legend.attempted")}
        </li>
        <li>
          <span className="matrix-chip matrix-not-started" aria-hidden="true">{STATUS_SYMBOL["not-started"]}</span> {t("matrix.legend.not-started")}
        </li>
        <li>
          <span className="matrix-chip matrix-late" aria-hidden="true">{LATE_SYMBOL}</span> {t("matrix.legend.late")}
        </li>
        <li>
          <span className="matrix-chip matrix-struggling" aria-hidden="true">{STRUGGLING_SYMBOL}</span>{" "}
          {t("matrix.legend.struggling", { attempts: STRUGGLING_ATTEMPTS, hints: STRUGGLING_HINTS })}
        </li>
      </ul>
      <p className="muted">{t("matrix.legend.notStartedView")}</p>
      <p className="muted">{t("matrix.legend.sort")}</p>
    </details>
  );
}

function MatrixTable({ t, matrix, base, locale, when }: { t: Translate; matrix: ProgressMatrix; base: string; locale: "zh-CN" | "en"; when: (date: Date) => string }) {
  const { filters, items, rows } = matrix;
  const sort = filters.sort ?? "student";
  const sortedItem = sort === "item" ? filters.item : undefined;
  // The direction a click asks for: the other one on the sorted column, else the column's natural one.
  const nextDir = (active: boolean, natural: "asc" | "desc") =>
    active ? ((filters.dir ?? natural) === "asc" ? "desc" : "asc") : natural;
  const ariaSort = (active: boolean, natural: "asc" | "desc") =>
    active ? ((filters.dir ?? natural) === "asc" ? "ascending" : "descending") : undefined;
  const sortedWord = (active: boolean, natural: "asc" | "desc") =>
    active ? ((filters.dir ?? natural) === "asc" ? t("matrix.sortedAsc") : t("matrix.sortedDesc")) : "";
  const studentActive = sort === "student" || (sort === "item" && !items.some((item) => item.id === filters.item));
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
      <table className="matrix">
        <caption id="matrix-caption">{t("matrix.caption", { students: rows.length, items: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner" aria-sort={ariaSort(studentActive, "asc")}>
              <Link href={matrixHref(base, filters, { sort: "student", item: undefined, dir: nextDir(studentActive, "asc") })} aria-label={t("matrix.sortBy", { column: t("matrix.student") })}>
                {t("matrix.student")}
                {sortedWord(studentActive, "asc")}
              </Link>
            </th>
            {items.map((item) => {
              const active = sortedItem === item.id;
              return (
                <th key={item.id} scope="col" aria-sort={ariaSort(active, "desc")} className="matrix-item-head">
                  <Link href={matrixHref(base, filters, { sort: "item", item: item.id, dir: nextDir(active, "desc") })} title={item.slug}>
                    <span className={`badge badge-${item.kind.toLowerCase()}`}>{t(`item.${item.kind}`)}</span> {item.title[locale]}
                    {sortedWord(active, "desc")}
                  </Link>
                </th>
              );
            })}
            <th scope="col" aria-sort={ariaSort(sort === "total", "desc")} className="matrix-total-head">
              <Link href={matrixHref(base, filters, { sort: "total", item: undefined, dir: nextDir(sort === "total", "desc") })}>
                {t("matrix.total")}
                {sortedWord(sort === "total", "desc")}
              </Link>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = row.student.name ?? row.student.email;
            const studentBase = `${base}/students/${row.student.id}`;
            return (
              <tr key={row.student.id}>
                <th scope="row">
                  <Link href={studentBase}>{name}</Link>
                </th>
                {row.cells.map((cell, index) => {
                  const item = items[index]!;
                  const late = cell.lateness === "late" || cell.lateness === "missing";
                  // One string is both the accessible name and the tooltip (CSS reads it): 8,000 cells, kept small.
                  const label = [
                    t("matrix.cellLabel", { student: name, item: item.slug, status: describeCell(t, item.kind, cell) }),
                    cell.lastAttemptAt ? t("matrix.lastAttempt", { at: when(cell.lastAttemptAt) }) : null,
                    cell.due ? t("matrix.dueAt", { at: when(cell.due.dueAt) }) + (cell.due.extended ? t("matrix.extended") : "") : null,
                  ]
                    .filter(Boolean)
                    .join(", ");
                  const shown =
                    STATUS_SYMBOL[cell.status] +
                    (cell.bestScore !== null ? ` ${percent(cell.bestScore)}` : "") +
                    (late ? ` ${LATE_SYMBOL}` : "") +
                    (cell.struggling ? ` ${STRUGGLING_SYMBOL}` : "");
                  return (
                    <td key={index} className={`c-${cell.status}${late ? " late" : ""}${cell.struggling ? " struggling" : ""}`}>
                      <a href={`${studentBase}/items/${item.id}`} aria-label={label}>
                        {shown}
                      </a>
                    </td>
                  );
                })}
                <td className="matrix-total">
                  {t("matrix.totalValue", { solved: row.solved, items: items.length, average: percent(row.averageScore) })}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("matrix.solveRate")}</th>
            {matrix.solveRates.map((rate, index) => (
              <td key={items[index]!.id}>{rate === null ? t("matrix.never") : percent(rate)}</td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

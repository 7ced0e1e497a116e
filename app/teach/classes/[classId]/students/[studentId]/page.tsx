import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslator } from "@/lib/i18n/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { getStudentWork } from "@/lib/matrix/get-student-work";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { dateFormatter, LATE_SYMBOL, percent } from "@/components/matrix/cell-text";
import { StatusMark } from "@/components/matrix/status-mark";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string; studentId: string }> };

/** Everything one student did in the class: each item's status, then every submission and quiz attempt, newest first. */
export default async function StudentPage({ params }: Props) {
  const { classId, studentId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/students/${studentId}`, TEACHING_ROLES);
  const work = await orNotFound(getStudentWork(user, classId, studentId));
  const when = dateFormatter(locale, resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value));
  const base = `/teach/classes/${work.class.id}`;
  const studentBase = `${base}/students/${work.student.id}`;
  const name = work.student.name ?? work.student.email;
  const yesNo = (value: boolean | null) => (value === null ? "" : value ? `${LATE_SYMBOL} ${t("matrix.yes")}` : t("matrix.no"));
  return (
    <section className="matrix-student" aria-labelledby="student-title">
      <p>
        <Link href={base}>← {t("matrix.backToMatrix")}</Link>
      </p>
      <h1 id="student-title">{name}</h1>
      <p className="muted">
        {work.student.email} · {t("matrix.studentPage.joined", { at: when(work.joinedAt) })}
      </p>
      <p className="matrix-summary">
        {t("matrix.studentPage.summary", { solved: work.solved, items: work.items.length, average: percent(work.averageScore) })}
      </p>

      <h2>{t("matrix.studentPage.items")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("matrix.col.item")}</th>
            <th scope="col">{t("matrix.col.status")}</th>
            <th scope="col">{t("matrix.col.attempts")}</th>
            <th scope="col">{t("matrix.col.due")}</th>
          </tr>
        </thead>
        <tbody>
          {work.items.map(({ item, cell }) => (
            <tr key={item.id}>
              <th scope="row">
                <Link href={`${studentBase}/items/${item.id}`}>
                  <span className={`badge badge-${item.kind.toLowerCase()}`}>{t(`item.${item.kind}`)}</span> {item.title[locale]}
                </Link>
              </th>
              <td>
                <StatusMark t={t} kind={item.kind} cell={cell} />
              </td>
              <td>
                {t("matrix.attempts", { count: cell.attempts })}
                {item.kind === "EXERCISE" && <> · {t("matrix.hints", { count: cell.hintsRevealed })}</>}
              </td>
              <td>{cell.due ? when(cell.due.dueAt) + (cell.due.extended ? t("matrix.extended") : "") : t("matrix.never")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("matrix.studentPage.work")}</h2>
      {work.entries.length === 0 ? (
        <p className="muted">{t("matrix.studentPage.noWork")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("matrix.col.time")}</th>
              <th scope="col">{t("matrix.col.item")}</th>
              <th scope="col">{t("matrix.col.verdict")}</th>
              <th scope="col">{t("matrix.col.score")}</th>
              <th scope="col">{t("matrix.col.late")}</th>
              <th scope="col">{t("matrix.col.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {work.entries.map((entry) => (
              <tr key={`${entry.type}-${entry.id}`}>
                <td>
                  <Link href={`${studentBase}/items/${entry.item.id}#${entry.type === "submission" ? "submission" : "attempt"}-${entry.id}`}>{when(entry.at)}</Link>
                </td>
                <td>{entry.item.title[locale]}</td>
                <td>
                  {entry.type === "submission"
                    ? entry.verdict
                      ? t(`verdict.${entry.verdict}`)
                      : entry.status
                    : entry.submitted
                      ? t("matrix.quizAttempt")
                      : `${t("matrix.quizAttempt")} · ${t("matrix.quizUnfinished")}`}
                </td>
                <td>{entry.score === null ? t("matrix.never") : percent(entry.score)}</td>
                <td>{yesNo(entry.late)}</td>
                <td>
                  {entry.type === "submission" && entry.tampered && <span className="drill-flag drill-flag-tampered">⚠ {t("matrix.tampered")}</span>}
                  {entry.type === "submission" && entry.regrade && <span className="drill-flag drill-flag-regrade">⟳ {t("matrix.regrade")}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

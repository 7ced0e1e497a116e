import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslator } from "@/lib/i18n/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { listClassAssignments } from "@/lib/assignments/list-class-assignments";
import { formatInstant } from "@/lib/assignments/zoned-time";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("assignments.list.heading") };
}

/** A class's assignments by due date, with how its students stand on each. */
export default async function ClassAssignmentsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/assignments`, TEACHING_ROLES);
  const assignments = await orNotFound(listClassAssignments(user, classId));
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const base = `/teach/classes/${classId}/assignments`;
  return (
    <section className="assignments-page" aria-labelledby="assignments-heading">
      <div className="assignments-header">
        <h1 id="assignments-heading">{t("assignments.list.heading")}</h1>
        <Link href={`${base}/new`} className="button">
          {t("assignments.list.new")}
        </Link>
      </div>
      {assignments.length === 0 ? (
        <p className="card muted">{t("assignments.list.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table assignments-table">
            <caption className="visually-hidden">{t("assignments.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assignments.col.title")}</th>
                <th scope="col">{t("assignments.col.opens")}</th>
                <th scope="col">{t("assignments.col.due")}</th>
                <th scope="col">{t("assignments.col.items")}</th>
                <th scope="col">{t("assignments.col.done")}</th>
                <th scope="col">{t("assignments.col.late")}</th>
                <th scope="col">{t("assignments.col.inProgress")}</th>
                <th scope="col">{t("assignments.col.notStarted")}</th>
                <th scope="col">{t("assignments.col.extensions")}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((assignment) => (
                <tr key={assignment.id}>
                  <th scope="row">
                    <Link href={`${base}/${assignment.id}`}>{assignment.title}</Link>
                  </th>
                  <td>{formatInstant(assignment.opensAt, locale, timeZone)}</td>
                  <td>{formatInstant(assignment.dueAt, locale, timeZone)}</td>
                  <td>{assignment.itemCount}</td>
                  <td>{assignment.counts.done}</td>
                  <td className={assignment.counts.late > 0 ? "assignment-count-late" : undefined}>{assignment.counts.late}</td>
                  <td>{assignment.counts.inProgress}</td>
                  <td>{assignment.counts.notStarted}</td>
                  <td>{assignment.extensionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

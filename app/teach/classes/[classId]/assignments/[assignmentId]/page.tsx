import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslator, type Translate } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { listClassItems } from "@/lib/classes/class-course-items";
import { getAssignment, type AssignmentStudentRow } from "@/lib/assignments/get-assignment";
import type { ItemStanding } from "@/lib/assignments/assignment-work";
import { formatInstant, toLocalInput } from "@/lib/assignments/zoned-time";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { AssignmentForm } from "@/components/assignments/assignment-form";
import { ExtensionEditor } from "@/components/assignments/extension-editor";
import { describePenalty, roundHours, StateMark } from "@/components/assignments/state-mark";
import { formChapters, FORM_MESSAGE_PREFIXES } from "@/components/assignments/form-chapters";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("assignments.edit.heading") };
}

const percent = (score: number | null) => (score === null ? "—" : `${Math.round(score * 100)}%`);

/** One assignment: its form, then each student's standing on each item, with their extension. */
export default async function AssignmentPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/assignments/${assignmentId}`, TEACHING_ROLES);
  const assignment = await orNotFound(getAssignment(user, classId, assignmentId));
  const items = await listClassItems(assignment.courseId);
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const messages = pickMessages(locale, FORM_MESSAGE_PREFIXES);
  const at = (date: Date) => formatInstant(date, locale, timeZone);
  return (
    <section className="assignments-page" aria-labelledby="assignment-heading">
      <div className="assignments-header">
        <h1 id="assignment-heading">{assignment.title}</h1>
        <p className="assignment-links">
          <Link href={`/teach/classes/${classId}?assignment=${assignment.id}`}>{t("assignments.detail.viewMatrix")}</Link>
          {" · "}
          <a href={`/api/classes/${classId}/assignments/${assignment.id}/export`} download>
            {t("assignments.detail.export")}
          </a>
        </p>
      </div>
      <p className="muted">
        {t("assignments.mine.opens", { at: at(assignment.opensAt) })} · {t("assignments.mine.due", { at: at(assignment.dueAt) })} ·{" "}
        {assignment.latePenalty.length === 0
          ? t("assignments.detail.penaltyNone")
          : describePenalty(assignment.latePenalty, t)}
      </p>

      <h2>{t("assignments.edit.heading")}</h2>
      <AssignmentForm
        classId={classId}
        locale={locale}
        timeZone={timeZone}
        messages={messages}
        chapters={formChapters(items, locale, t)}
        initial={{
          id: assignment.id,
          title: assignment.title,
          opensAt: toLocalInput(assignment.opensAt, timeZone),
          dueAt: toLocalInput(assignment.dueAt, timeZone),
          itemIds: assignment.items.map((item) => item.id),
          latePenalty: assignment.latePenalty,
        }}
      />

      <h2 id="assignment-students">{t("assignments.detail.students")}</h2>
      {assignment.students.length === 0 ? (
        <p className="card muted">{t("assignments.detail.noStudents")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table assignment-students" aria-labelledby="assignment-students">
            <caption className="visually-hidden">{t("assignments.detail.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assignments.col.student")}</th>
                <th scope="col">{t("assignments.col.progress")}</th>
                {assignment.items.map((item) => (
                  <th scope="col" key={item.id}>
                    <Link href={item.href}>{item.title[locale]}</Link>
                  </th>
                ))}
                <th scope="col">{t("assignments.col.score")}</th>
                <th scope="col">{t("assignments.col.dueFor")}</th>
                <th scope="col">{t("assignments.col.extension")}</th>
              </tr>
            </thead>
            <tbody>
              {assignment.students.map((row) => (
                <StudentRow key={row.student.id} row={row} classId={classId} assignmentId={assignment.id} itemIds={assignment.items.map((item) => item.id)} locale={locale} t={t} timeZone={timeZone} messages={messages} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function itemDetail(standing: ItemStanding, t: Translate, at: (date: Date) => string): string | undefined {
  const parts: string[] = [];
  if (standing.doneAt) parts.push(t("assignments.state.doneAt", { at: at(standing.doneAt) }));
  if (standing.state === "late") parts.push(t("assignments.state.lateBy", { hours: roundHours(standing.hoursLate) }));
  if (standing.penaltyPercent > 0) parts.push(t("assignments.state.penalty", { percent: standing.penaltyPercent }));
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

function StudentRow(props: {
  row: AssignmentStudentRow;
  classId: string;
  assignmentId: string;
  itemIds: string[];
  locale: Locale;
  t: Translate;
  timeZone: string;
  messages: ReturnType<typeof pickMessages>;
}) {
  const { row, t, locale, timeZone } = props;
  const at = (date: Date) => formatInstant(date, locale, timeZone);
  const label = row.student.name ?? row.student.email;
  return (
    <tr>
      <th scope="row">
        <Link href={`/teach/classes/${props.classId}/students/${row.student.id}`}>{label}</Link>
      </th>
      <td>
        <StateMark state={row.standing.state} t={t} />
        <div className="muted">{t("assignments.mine.progress", { done: row.standing.done, total: row.standing.total })}</div>
      </td>
      {row.items.map((standing, index) => (
        <td key={props.itemIds[index]}>
          <StateMark state={standing.state} t={t} detail={itemDetail(standing, t, at)} />
        </td>
      ))}
      <td>
        {percent(row.standing.score)}
        {row.standing.score !== row.standing.rawScore && <div className="muted">({percent(row.standing.rawScore)})</div>}
      </td>
      <td>
        {at(row.dueAt)}
        {row.extended && <div className="badge assignment-extended">{t("assignments.extension.extended")}</div>}
      </td>
      <td>
        <ExtensionEditor
          classId={props.classId}
          assignmentId={props.assignmentId}
          student={{ id: row.student.id, label }}
          current={row.extended ? toLocalInput(row.dueAt, timeZone) : ""}
          timeZone={timeZone}
          locale={locale}
          messages={props.messages}
        />
      </td>
    </tr>
  );
}

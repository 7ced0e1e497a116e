import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import type { MyAssignment, MyAssignments } from "@/lib/assignments/list-my-assignments";
import type { ItemDueBadge } from "@/lib/assignments/item-due-badges";
import { formatInstant } from "@/lib/assignments/zoned-time";
import { describePenalty, roundHours, StateMark } from "./state-mark";

type Props = { mine: MyAssignments; locale: Locale; t: Translate; timeZone: string };

/** The course map's "My assignments": open and upcoming ones in full, past ones collapsed. */
export function MyAssignmentsSection({ mine, locale, t, timeZone }: Props) {
  if (mine.open.length + mine.upcoming.length + mine.past.length === 0) return null;
  const card = (assignment: MyAssignment) => <AssignmentCard key={assignment.id} assignment={assignment} locale={locale} t={t} timeZone={timeZone} />;
  return (
    <section className="my-assignments" aria-labelledby="my-assignments-heading">
      <h2 id="my-assignments-heading">{t("assignments.mine.heading")}</h2>
      {mine.open.length > 0 && (
        <>
          <h3>{t("assignments.mine.open")}</h3>
          {mine.open.map(card)}
        </>
      )}
      {mine.upcoming.length > 0 && (
        <>
          <h3>{t("assignments.mine.upcoming")}</h3>
          {mine.upcoming.map(card)}
        </>
      )}
      {mine.past.length > 0 && (
        <details className="my-assignments-past">
          <summary>{t("assignments.mine.past", { count: mine.past.length })}</summary>
          {mine.past.map(card)}
        </details>
      )}
    </section>
  );
}

function AssignmentCard({ assignment, locale, t, timeZone }: { assignment: MyAssignment; locale: Locale; t: Translate; timeZone: string }) {
  const at = (date: Date) => formatInstant(date, locale, timeZone);
  const { standing } = assignment;
  const overdue = standing.state === "overdue";
  return (
    <article className={`card my-assignment${overdue ? " my-assignment-overdue" : ""}`} aria-labelledby={`my-assignment-${assignment.id}`}>
      <h4 id={`my-assignment-${assignment.id}`}>{assignment.title}</h4>
      <p className="my-assignment-meta">
        <span>{t("assignments.mine.class", { name: assignment.className })}</span>
        {assignment.phase === "upcoming" && <span>{t("assignments.mine.opens", { at: at(assignment.opensAt) })}</span>}
        <span className="my-assignment-due">
          {t("assignments.mine.due", { at: at(assignment.dueAt) })}
          {assignment.extended && <> {t("assignments.mine.extended", { at: at(assignment.assignmentDueAt) })}</>}
        </span>
        <span>{t("assignments.mine.progress", { done: standing.done, total: standing.total })}</span>
        {standing.late > 0 && <span className="assignment-state assignment-state-late">{t("assignments.mine.lateCount", { count: standing.late })}</span>}
        {overdue && <span className="assignment-state assignment-state-overdue">{t("assignments.mine.overdue")}</span>}
      </p>
      {assignment.latePenalty.length > 0 && (
        <p className="muted">
          {t("assignments.mine.penaltyNote", { steps: describePenalty(assignment.latePenalty, t) })}
        </p>
      )}
      <ul className="my-assignment-items">
        {assignment.items.map((item) => (
          <li key={item.id}>
            <span className={`badge badge-${item.kind.toLowerCase()}`}>{t(`item.${item.kind}`)}</span> <Link href={item.href}>{item.title[locale]}</Link>{" "}
            <StateMark state={item.standing.state} t={t} detail={item.standing.state === "late" ? t("assignments.state.lateBy", { hours: roundHours(item.standing.hoursLate) }) : undefined} />
          </li>
        ))}
      </ul>
    </article>
  );
}

/** The small mark beside an item of the course map that belongs to an assignment. */
export function ItemDueMark({ badge, locale, t, timeZone }: { badge: ItemDueBadge; locale: Locale; t: Translate; timeZone: string }) {
  const text =
    badge.state === "due" ? t("assignments.badge.due", { at: formatInstant(badge.dueAt, locale, timeZone) }) : t(badge.state === "late" ? "assignments.badge.late" : "assignments.badge.overdue");
  return <span className={`badge item-due item-due-${badge.state}`}>{text}</span>;
}

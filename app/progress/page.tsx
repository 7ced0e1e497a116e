import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslator, type Translate } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/lib/auth/session";
import { authHref } from "@/lib/auth/form-text";
import { getMyProgress, type Activity } from "@/lib/progress/get-my-progress";
import type { ConceptMastery } from "@/lib/progress/concept-mastery";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { percent } from "@/components/item-status-mark";

export const dynamic = "force-dynamic";

/** Concepts listed open, in the order the course first teaches them; the rest fold away. */
const CONCEPTS_SHOWN = 24;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("progress.title") };
}

export default async function MyProgressPage() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  if (!user) redirect(authHref("/signin", "/progress"));
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const progress = await getMyProgress(user.id, { timeZone });
  const { streak } = progress;
  const days = (count: number, one: "progress.streakDaysOne" | "progress.streakLongestOne", many: "progress.streakDays" | "progress.streakLongest") =>
    count === 1 ? t(one) : t(many, { count });

  return (
    <>
      <h1>{t("progress.title")}</h1>
      <section className="stats" aria-label={t("progress.title")}>
        <Stat label={t("progress.exercisesSolved")} done={progress.exercises.solved} total={progress.exercises.total} t={t} testId="stat-exercises" />
        <Stat label={t("progress.quizzesPassed")} done={progress.quizzes.passed} total={progress.quizzes.total} t={t} testId="stat-quizzes" />
        <Stat label={t("progress.lessonsRead")} done={progress.lessons.read} total={progress.lessons.total} t={t} testId="stat-lessons" />
        <div className="card stat" data-testid="stat-streak">
          <p className="stat-label">{t("progress.streak")}</p>
          <p className="stat-value">
            {days(streak.current, "progress.streakDaysOne", "progress.streakDays")}
          </p>
          <p className="muted">{days(streak.longest, "progress.streakLongestOne", "progress.streakLongest")}</p>
          <p className="muted">{t(streak.activeToday ? "progress.streakToday" : "progress.streakOpen")}</p>
        </div>
      </section>
      <p className="muted stat-rule">{t("progress.streakRule", { zone: progress.timeZone })}</p>

      <section aria-labelledby="mastery">
        <h2 id="mastery">{t("progress.mastery")}</h2>
        <p className="muted">{t("progress.masteryRule")}</p>
        {progress.concepts.length === 0 ? (
          <p className="card muted">{t("progress.noConcepts")}</p>
        ) : (
          <>
            <ConceptList concepts={progress.concepts.slice(0, CONCEPTS_SHOWN)} t={t} />
            {progress.concepts.length > CONCEPTS_SHOWN && (
              <details className="more-concepts">
                <summary>{t("progress.moreConcepts", { count: progress.concepts.length - CONCEPTS_SHOWN })}</summary>
                <ConceptList concepts={progress.concepts.slice(CONCEPTS_SHOWN)} t={t} />
              </details>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="activity">
        <h2 id="activity">{t("progress.activity")}</h2>
        {progress.activity.length === 0 ? (
          <p className="card muted">
            {t("progress.noActivity")} <Link href="/">{t("progress.backToMap")}</Link>
          </p>
        ) : (
          <table className="table activity">
            <thead>
              <tr>
                <th scope="col">{t("progress.when")}</th>
                <th scope="col">{t("progress.item")}</th>
                <th scope="col">{t("progress.result")}</th>
              </tr>
            </thead>
            <tbody>
              {progress.activity.map((activity) => (
                <ActivityRow key={`${activity.type}-${activity.id}`} activity={activity} locale={locale} timeZone={progress.timeZone} t={t} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function ConceptList({ concepts, t }: { concepts: ConceptMastery[]; t: Translate }) {
  return (
    <ul className="mastery">
      {concepts.map((concept) => (
        <li key={concept.concept} data-concept={concept.concept}>
          <code>{concept.concept}</code>
          <span className="bar">
            <progress value={concept.mastered} max={concept.total} aria-label={concept.concept} />
            <span className="bar-value">
              {t("progress.masteryValue", { done: concept.mastered, total: concept.total, percent: percent(concept.ratio) })}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function Stat({ label, done, total, t, testId }: { label: string; done: number; total: number; t: Translate; testId: string }) {
  return (
    <div className="card stat" data-testid={testId}>
      <p className="stat-label">{label}</p>
      <p className="stat-value">{t("progress.outOf", { done, total })}</p>
      <progress value={done} max={Math.max(total, 1)} aria-label={label} />
    </div>
  );
}

function ActivityRow({ activity, locale, timeZone, t }: { activity: Activity; locale: Locale; timeZone: string; t: Translate }) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(activity.at);
  const title = activity.item.title[locale];
  return (
    <tr>
      <td>
        <time dateTime={activity.at.toISOString()}>{when}</time>
      </td>
      <td>
        <span className={`badge badge-${activity.item.kind.toLowerCase()}`}>{t(`item.${activity.item.kind}`)}</span>{" "}
        {activity.item.href ? <Link href={activity.item.href}>{title}</Link> : title}
      </td>
      <td>
        <ActivityResult activity={activity} t={t} />
      </td>
    </tr>
  );
}

function ActivityResult({ activity, t }: { activity: Activity; t: Translate }) {
  if (activity.type === "quiz") {
    return <span>{t("progress.quizResult", { score: percent(activity.score ?? 0) })}</span>;
  }
  if (activity.status !== "DONE" || !activity.verdict) {
    return <span className="muted">… {t(activity.status === "QUEUED" ? "progress.queued" : "progress.running")}</span>;
  }
  const passed = activity.verdict === "PASSED";
  return (
    <span className={passed ? "status status-solved" : "status status-attempted"}>
      <span aria-hidden="true">{passed ? "✓" : "✗"}</span> {t(`verdict.${activity.verdict}`)}
      {activity.score !== null && activity.verdict !== "GRADER_ERROR" && <> · {percent(activity.score)}</>}
    </span>
  );
}

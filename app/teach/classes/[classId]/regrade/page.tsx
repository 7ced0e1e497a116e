import { cookies } from "next/headers";
import { getTranslator } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/messages";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { listClassRegrades } from "@/lib/regrades/list-class-regrades";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { RegradeControls } from "./regrade-controls";

export const dynamic = "force-dynamic";

/** A class's regrades: what each exercise's new tests would change (a preview), applying it, and the history. */
export default async function RegradePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { t, locale } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/regrade`, TEACHING_ROLES);
  const page = await orNotFound(listClassRegrades(user, classId));
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const messages = pickMessages(locale, ["regrade.", "verdict."]);
  const base = `/teach/classes/${page.class.id}`;
  // Those needing a regrade first; an exercise nobody in the class submitted has nothing to regrade.
  const withWork = page.exercises
    .filter((exercise) => exercise.latestSubmissions > 0 || exercise.runningApply || exercise.runningPreview)
    .sort((a, b) => Number(b.outdated > 0) - Number(a.outdated > 0));
  const withoutWork = page.exercises.filter((exercise) => !withWork.includes(exercise));
  return (
    <section className="regrade-page" aria-labelledby="regrade-title">
      <h1 id="regrade-title">{t("regrade.title")}</h1>
      <p className="muted regrade-intro">{t("regrade.intro")}</p>

      <h2>{t("regrade.exercises")}</h2>
      {withWork.length === 0 ? (
        <p className="muted">{t(page.exercises.length === 0 ? "regrade.noExercises" : "regrade.noWork")}</p>
      ) : (
        <ul className="regrade-exercises">
          {withWork.map((exercise) => {
            const title = exercise.item.title[locale];
            const runningApply = exercise.runningApply;
            return (
              <li key={exercise.item.id} className="card regrade-exercise">
                <div className="regrade-exercise-head">
                  <h3>{title}</h3>
                  <p className="regrade-standing">
                    <span>{t("regrade.latestCount", { count: exercise.latestSubmissions })}</span>
                    {" · "}
                    {exercise.outdated > 0 ? (
                      <span className="badge regrade-outdated">{t("regrade.outdatedCount", { count: exercise.outdated })}</span>
                    ) : (
                      <span className="muted">{t("regrade.upToDate")}</span>
                    )}
                  </p>
                </div>
                <RegradeControls
                  classId={page.class.id}
                  exerciseId={exercise.item.id}
                  exerciseTitle={title}
                  studentHref={`${base}/students`}
                  locale={locale}
                  timeZone={timeZone}
                  messages={messages}
                  previewId={exercise.runningPreview?.id ?? page.latestPreview.get(exercise.item.id) ?? null}
                  applyHere={runningApply && runningApply.classId === page.class.id ? runningApply.id : null}
                  applyElsewhere={
runningApply && runningApply.classId !== page.class.id ? { who: runningApply.requestedBy } : null
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
      {withoutWork.length > 0 && (
        <details className="regrade-without-work">
          <summary>{t("regrade.withoutWork", { count: withoutWork.length })}</summary>
          <ul>
            {withoutWork.map((exercise) => (
              <li key={exercise.item.id}>{exercise.item.title[locale]}</li>
            ))}
          </ul>
        </details>
      )}

      <h2 id="regrade-history">{t("regrade.history")}</h2>
      {page.history.length === 0 ? (
        <p className="muted">{t("regrade.noHistory")}</p>
      ) : (
        <table className="table regrade-history" aria-labelledby="regrade-history">
          <thead>
            <tr>
              <th scope="col">{t("regrade.col.when")}</th>
              <th scope="col">{t("regrade.col.exercise")}</th>
              <th scope="col">{t("regrade.col.who")}</th>
              <th scope="col">{t("regrade.col.mode")}</th>
              <th scope="col">{t("regrade.col.status")}</th>
              <th scope="col">{t("regrade.col.counts")}</th>
            </tr>
          </thead>
          <tbody>
            {page.history.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <time dateTime={entry.createdAt.toISOString()}>{when.format(entry.createdAt)}</time>
                </th>
                <td>{entry.exercise?.title[locale] ?? "—"}</td>
                <td>{entry.requestedBy}</td>
                <td>{t(entry.mode === "APPLY" ? "regrade.mode.APPLY" : "regrade.mode.PREVIEW")}</td>
                <td>
                  <span className={`regrade-status regrade-status-${entry.status.toLowerCase()}`}>{t(`regrade.status.${entry.status}`)}</span>
                </td>
                <td>
                  {entry.changed === null
                    ? t("regrade.historyCounts", { done: entry.done, total: entry.total })
                    : t("regrade.historyChanged", { changed: entry.changed, total: entry.total })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

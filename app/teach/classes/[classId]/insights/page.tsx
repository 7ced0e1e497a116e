import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslator, type Translate } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { getClassInsights, type ClassInsights, type FailingTest } from "@/lib/insights/get-class-insights";
import { ZClassInsightsQuerySchema } from "@/lib/insights/schemas";
import { durationParts } from "@/lib/insights/format-duration";
import { TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { DayChart } from "@/components/insights/day-chart";

export const dynamic = "force-dynamic";

/** The most failed tests and the hardest questions shown (all of them with ?failing=all, ?questions=all), so a big class's page stays small. */
const FAILING_SHOWN = 20;
const QUESTIONS_SHOWN = 20;

function allHref(insights: ClassInsights, list: "failing" | "questions", anchor: string): string {
  const query = new URLSearchParams({ ...(insights.assignment ? { assignment: insights.assignment.id } : {}), [list]: "all" });
  return `?${query}#${anchor}`;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("insights.title") };
}

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** What the class gets wrong: the layout has already checked that the viewer teaches the class. */
export default async function ClassInsightsPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/insights`, TEACHING_ROLES);
  const raw = await searchParams;
  const parsed = ZClassInsightsQuerySchema.safeParse({ assignment: first(raw.assignment), tz: (await cookies()).get(TIME_ZONE_COOKIE)?.value });
  const query = parsed.success ? parsed.data : { assignment: "not-an-id", tz: "UTC" };
  const insights = await orNotFound(getClassInsights(user, classId, { assignmentId: query.assignment, timeZone: query.tz }));
  const percent = (ratio: number | null) => (ratio === null ? t("insights.none") : t("insights.percent", { value: Math.round(ratio * 100) }));

  return (
    <div className="insights">
      <h1>{t("insights.title")}</h1>
      <FilterForm insights={insights} t={t} />
      <p className="muted">{t("insights.intro", { students: insights.studentCount })}</p>
      {insights.studentCount === 0 ? (
        <p className="card muted">{t("insights.noStudents")}</p>
      ) : insights.items.length === 0 ? (
        <p className="card muted">{t("insights.noItems")}</p>
      ) : (
        <>
          <FailingTests insights={insights} locale={locale} t={t} showAll={first(raw.failing) === "all"} />
          <ItemTable insights={insights} locale={locale} t={t} percent={percent} />
          <QuestionTable insights={insights} locale={locale} t={t} percent={percent} showAll={first(raw.questions) === "all"} />
          <ConceptTable insights={insights} t={t} percent={percent} />
          <Progress insights={insights} t={t} />
          <Tampering insights={insights} locale={locale} t={t} />
        </>
      )}
    </div>
  );
}

function FilterForm({ insights, t }: { insights: ClassInsights; t: Translate }) {
  if (insights.assignments.length === 0) return null;
  return (
    <form method="get" className="insights-filter">
      <label htmlFor="insights-assignment">{t("insights.filter.label")}</label>
      <select id="insights-assignment" name="assignment" defaultValue={insights.assignment?.id ?? ""}>
        <option value="">{t("insights.filter.all")}</option>
        {insights.assignments.map((assignment) => (
          <option key={assignment.id} value={assignment.id}>
            {assignment.title}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t("insights.filter.apply")}
      </button>
    </form>
  );
}

function FailingTests({ insights, locale, t, showAll }: { insights: ClassInsights; locale: Locale; t: Translate; showAll: boolean }) {
  const shown = showAll ? insights.failingTests : insights.failingTests.slice(0, FAILING_SHOWN);
  const rest = insights.failingTests.slice(shown.length);
  const all = allHref(insights, "failing", "insights-failing");
  return (
    <section aria-labelledby="insights-failing">
      <h2 id="insights-failing">{t("insights.failing.title")}</h2>
      <p className="muted">{t("insights.failing.explain")}</p>
      {insights.failingTests.length === 0 ? (
        <p className="card muted">{t("insights.failing.empty")}</p>
      ) : (
        <ol className="insights-failing">
          {shown.map((test) => (
            <FailingTestCard key={`${test.item.id}/${test.testId}/${test.misconception ?? ""}`} test={test} locale={locale} t={t} />
          ))}
        </ol>
      )}
      {rest.length > 0 && (
        <p className="insights-more">
          {t("insights.failing.more", { count: rest.length })} · <Link href={all}>{t("insights.failing.showAll")}</Link>
        </p>
      )}
    </section>
  );
}

function FailingTestCard({ test, locale, t }: { test: FailingTest; locale: Locale; t: Translate }) {
  return (
    <li className="card insights-failing-test">
      <p className="insights-sentence">
        <strong>{test.sentence[locale]}</strong>
      </p>
      <p className="muted">
        <Link href={test.item.href}>{test.item.title[locale]}</Link> · {t("insights.failing.test", { test: test.testName[locale] })}
        {test.misconception && (
          <>
            {" "}
            · <code>{test.misconception}</code>
          </>
        )}
      </p>
      <details>
        <summary>{t("insights.failing.submissions", { count: test.count })}</summary>
        <ul className="insights-students">
          {test.submissions.map((entry) => (
            <li key={entry.submissionId}>
              <Link href={entry.href}>{entry.name}</Link>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

type TableProps = { insights: ClassInsights; locale: Locale; t: Translate; percent: (ratio: number | null) => string };

function ItemTable({ insights, locale, t, percent }: TableProps) {
  const duration = (seconds: number | null) => {
    if (seconds === null) return t("insights.none");
    const { key, value } = durationParts(seconds);
    return t(key, { value });
  };
  const number = (value: number | null) => (value === null ? t("insights.none") : String(Math.round(value * 10) / 10));
  return (
    <section aria-labelledby="insights-items">
      <h2 id="insights-items">{t("insights.items.title")}</h2>
      <p className="muted">{t("insights.items.explain", { pass: percent(insights.quizPassScore) })}</p>
      <div className="insights-scroll">
        <table className="table insights-table">
          <thead>
            <tr>
              <th scope="col">{t("insights.items.item")}</th>
              <th scope="col">{t("insights.items.kind")}</th>
              <th scope="col">{t("insights.items.started")}</th>
              <th scope="col">{t("insights.items.solved")}</th>
              <th scope="col">{t("insights.items.solveRate")}</th>
              <th scope="col">{t("insights.items.medianAttempts")}</th>
              <th scope="col">{t("insights.items.medianTime")}</th>
              <th scope="col">{t("insights.items.medianScore")}</th>
            </tr>
          </thead>
          <tbody>
            {insights.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link href={item.href}>{item.title[locale]}</Link>
                </th>
                <td>{t(item.kind === "QUIZ" ? "insights.kind.QUIZ" : "insights.kind.EXERCISE")}</td>
                <td className="insights-number">{item.started}</td>
                <td className="insights-number">{item.solved}</td>
                <td className="insights-number">
                  <span className="insights-rate">
                    <progress max={1} value={item.solveRate ?? 0} aria-hidden="true" />
                    {percent(item.solveRate)}
                  </span>
                </td>
                <td className="insights-number">{number(item.medianAttempts)}</td>
                <td className="insights-number">{duration(item.medianSecondsToSolve)}</td>
                <td className="insights-number">{item.kind === "QUIZ" ? percent(item.medianScore) : t("insights.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function QuestionTable({ insights, locale, t, percent, showAll }: TableProps & { showAll: boolean }) {
  const shown = showAll ? insights.questions : insights.questions.slice(0, QUESTIONS_SHOWN);
  const rest = insights.questions.length - shown.length;
  return (
    <section aria-labelledby="insights-questions">
      <h2 id="insights-questions">{t("insights.questions.title")}</h2>
      <p className="muted">{t("insights.questions.explain")}</p>
      {insights.questions.length === 0 ? (
        <p className="card muted">{t("insights.questions.empty")}</p>
      ) : (
        <div className="insights-scroll">
          <table className="table insights-table">
            <thead>
              <tr>
                <th scope="col">{t("insights.questions.question")}</th>
                <th scope="col">{t("insights.questions.facility")}</th>
                <th scope="col">{t("insights.questions.answered")}</th>
                <th scope="col">{t("insights.questions.wrong")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((question) => (
                <tr key={question.questionId}>
                  <th scope="row" className="insights-prompt">
                    {question.prompt[locale]}
                    {question.item && (
                      <span className="muted insights-quiz-name">
                        <Link href={question.item.href}>{question.item.title[locale]}</Link>
                      </span>
                    )}
                  </th>
                  <td className="insights-number">{percent(question.facility)}</td>
                  <td className="insights-number">{question.answered}</td>
                  <td>
                    {question.mostChosenWrong
                      ? t("insights.questions.wrongCount", { answer: question.mostChosenWrong.answer[locale], count: question.mostChosenWrong.count })
                      : t("insights.questions.noWrong")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rest > 0 && (
            <p className="insights-more">
              {t("insights.questions.more", { count: rest })} ·{" "}
              <Link href={allHref(insights, "questions", "insights-questions")}>{t("insights.questions.showAll")}</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function ConceptTable({ insights, t, percent }: Omit<TableProps, "locale">) {
  if (insights.concepts.length === 0) return null;
  return (
    <section aria-labelledby="insights-concepts">
      <h2 id="insights-concepts">{t("insights.concepts.title")}</h2>
      <p className="muted">{t("insights.concepts.explain")}</p>
      <table className="table insights-table insights-concepts">
        <thead>
          <tr>
            <th scope="col">{t("insights.concepts.concept")}</th>
            <th scope="col">{t("insights.concepts.items")}</th>
            <th scope="col">{t("insights.concepts.mastery")}</th>
          </tr>
        </thead>
        <tbody>
          {[...insights.concepts]
            .sort((a, b) => (a.mastery ?? 0) - (b.mastery ?? 0))
            .map((concept) => (
              <tr key={concept.concept}>
                <th scope="row">
                  <code>{concept.concept}</code>
                </th>
                <td className="insights-number">{concept.items}</td>
                <td>
                  <span className="insights-rate">
                    <progress max={1} value={concept.mastery ?? 0} aria-hidden="true" />
                    {percent(concept.mastery)}
                  </span>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}

function Progress({ insights, t }: { insights: ClassInsights; t: Translate }) {
  const points = insights.progress;
  const firstPoint = points[0];
  const lastPoint = points.at(-1);
  return (
    <section aria-labelledby="insights-progress">
      <h2 id="insights-progress">{t("insights.progress.title")}</h2>
      <p className="muted">{t("insights.progress.explain", { timeZone: insights.timeZone })}</p>
      {!firstPoint || !lastPoint ? (
        <p className="card muted">{t("insights.progress.empty")}</p>
      ) : (
        <>
          <div className="insights-charts">
            <DayChart
              id="insights-solved"
              title={t("insights.progress.solvedChart")}
              description={t("insights.progress.solvedDesc", { from: firstPoint.day, to: lastPoint.day, first: firstPoint.solvedTotal, last: lastPoint.solvedTotal })}
              days={points.map((point) => point.day)}
              values={points.map((point) => point.solvedTotal)}
              valueLabel={t("insights.progress.solved")}
              dayLabel={t("insights.progress.day")}
            />
            <DayChart
              id="insights-active"
              title={t("insights.progress.activeChart")}
              description={t("insights.progress.activeDesc", { from: firstPoint.day, to: lastPoint.day, max: Math.max(...points.map((point) => point.active)) })}
              days={points.map((point) => point.day)}
              values={points.map((point) => point.active)}
              valueLabel={t("insights.progress.active")}
              dayLabel={t("insights.progress.day")}
            />
          </div>
          <details className="insights-data">
            <summary>{t("insights.progress.table")}</summary>
            <table className="table insights-table">
              <thead>
                <tr>
                  <th scope="col">{t("insights.progress.day")}</th>
                  <th scope="col">{t("insights.progress.solved")}</th>
                  <th scope="col">{t("insights.progress.active")}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.day}>
                    <th scope="row">
                      <time dateTime={point.day}>{point.day}</time>
                    </th>
                    <td className="insights-number">{point.solvedTotal}</td>
                    <td className="insights-number">{point.active}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

function Tampering({ insights, locale, t }: { insights: ClassInsights; locale: Locale; t: Translate }) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: insights.timeZone });
  return (
    <section aria-labelledby="insights-tampering">
      <h2 id="insights-tampering">{t("insights.tampering.title")}</h2>
      {insights.tampered.length === 0 ? (
        <p className="card muted">{t("insights.tampering.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("insights.tampering.explain")}</p>
          <div className="insights-scroll">
            <table className="table insights-table">
              <thead>
                <tr>
                  <th scope="col">{t("insights.tampering.student")}</th>
                  <th scope="col">{t("insights.tampering.item")}</th>
                  <th scope="col">{t("insights.tampering.when")}</th>
                  <th scope="col">{t("insights.tampering.how")}</th>
                </tr>
              </thead>
              <tbody>
                {insights.tampered.map((entry) => (
                  <tr key={entry.submissionId}>
                    <th scope="row">
                      <Link href={entry.href} aria-label={`${t("insights.tampering.open")}: ${entry.name}`}>
                        {entry.name}
                      </Link>
                    </th>
                    <td>{entry.item ? entry.item.title[locale] : t("insights.none")}</td>
                    <td>
                      <time dateTime={entry.queuedAt.toISOString()}>{when.format(entry.queuedAt)}</time>
                    </td>
                    <td>
                      {entry.reports.length === 0 ? (
                        t("insights.none")
                      ) : (
                        <ul className="insights-reports">
                          {entry.reports.map((report, index) => (
                            <li key={index}>
                              <code>{report.what}</code> {report.detail}
                              {report.line != null && t("insights.tampering.line", { line: report.line })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

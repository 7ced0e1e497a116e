import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslator, type Translate } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { getStudentItemWork, type DrillSubmission, type DrillQuizAttempt } from "@/lib/matrix/get-student-item-work";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { dateFormatter, percent } from "@/components/matrix/cell-text";
import { StatusMark } from "@/components/matrix/status-mark";
import { CodeBlock } from "@/components/code-block";
import { CodeDiff } from "@/components/code-diff";
import { Timeline } from "@/components/timeline";
import { Markdown } from "@/components/markdown";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string; studentId: string; itemId: string }> };

/** 90 000 ms → "1 分钟"/"1 min"; hours and days for longer spans. */
function formatSpan(t: Translate, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t("matrix.duration.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("matrix.duration.hours", { hours, minutes: minutes % 60 });
  return t("matrix.duration.days", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** A cell of the matrix opened: every attempt of one student on one item. */
export default async function StudentItemPage({ params }: Props) {
  const { classId, studentId, itemId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/students/${studentId}/items/${itemId}`, TEACHING_ROLES);
  const work = await orNotFound(getStudentItemWork(user, classId, studentId, itemId));
  const when = dateFormatter(locale, resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value));
  const name = work.student.name ?? work.student.email;
  const studentHref = `/teach/classes/${work.class.id}/students/${work.student.id}`;
  const nothing = work.submissions.length === 0 && work.quizAttempts.length === 0;
  const editorMessages = pickMessages(locale, ["editor."]);
  const timelineMessages = pickMessages(locale, ["timeline."]);
  return (
    <section className="matrix-drill" aria-labelledby="drill-title">
      <p>
        <Link href={`/teach/classes/${work.class.id}`}>← {t("matrix.backToMatrix")}</Link> ·{" "}
        <Link href={studentHref}>{t("matrix.drill.openStudent", { name })}</Link>
      </p>
      <h1 id="drill-title">
        {name} — {work.item.title[locale]}
      </h1>
      <p>
        <span className={`badge badge-${work.item.kind.toLowerCase()}`}>{t(`item.${work.item.kind}`)}</span>{" "}
        <StatusMark t={t} kind={work.item.kind} cell={work.cell} /> · {t("matrix.attempts", { count: work.cell.attempts })}
        {work.item.kind === "EXERCISE" && <> · {t("matrix.hints", { count: work.cell.hintsRevealed })}</>}
        {work.cell.due && (
          <>
            {" "}
            · {t("matrix.dueAt", { at: when(work.cell.due.dueAt) })}
            {work.cell.due.extended && t("matrix.extended")}
          </>
        )}
      </p>
      {work.spanMs !== null && <p className="muted">{t("matrix.drill.span", { span: formatSpan(t, work.spanMs) })}</p>}
      {nothing && <p className="card">{t("matrix.drill.noWork")}</p>}
      {work.submissions.map((submission) => (
        <SubmissionCard
          key={submission.id}
          submission={submission}
          t={t}
          locale={locale}
          when={when}
          editorMessages={editorMessages}
          timelineMessages={timelineMessages}
        />
      ))}
      {work.quizAttempts.map((attempt) => (
        <AttemptCard key={attempt.id} attempt={attempt} t={t} locale={locale} when={when} />
      ))}
    </section>
  );
}

function SubmissionCard({ submission, t, locale, when, editorMessages, timelineMessages }: {
  submission: DrillSubmission;
  t: Translate;
  locale: Locale;
  when: (date: Date) => string;
  editorMessages: Record<string, string | undefined>;
  timelineMessages: Record<string, string | undefined>;
}) {
  const headingId = `submission-${submission.id}-title`;
  // As the student's own result view picks it: the first test that did not pass, else the submission's own run.
  const shownTest = submission.tests.find((test) => test.status !== "PASSED" && test.trace) ?? submission.tests.find((test) => test.trace);
  const trace = shownTest?.trace ?? submission.trace;
  return (
    <article id={`submission-${submission.id}`} className="drill-submission" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span>
          {submission.regradeOf ? t("matrix.drill.regradeOf", { number: submission.regradeOf.number }) : t("matrix.drill.submission", { number: submission.number })}
        </span>
        <span className="muted">{when(submission.queuedAt)}</span>
        <span className={`verdict verdict-${(submission.verdict ?? "GRADER_ERROR").toLowerCase()}`}>
          {submission.verdict ? t(`verdict.${submission.verdict}`) : submission.status}
        </span>
        <span>
          {t("matrix.col.score")}: {submission.score === null ? t("matrix.never") : percent(submission.score)}
        </span>
        {submission.regradeOf && <span className="drill-flag drill-flag-regrade">⟳ {t("matrix.regrade")}</span>}
        {submission.tampered && <span className="drill-flag drill-flag-tampered">⚠ {t("matrix.tampered")}</span>}
      </h3>
      {submission.message && <p>{submission.message[locale]}</p>}
      {submission.tests.length > 0 && (
        <table className="table tests">
          <caption>{t("matrix.drill.tests")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("matrix.drill.testStatus")}</th>
              <th scope="col">{t("matrix.drill.testName")}</th>
              <th scope="col">{t("matrix.drill.testMessage")}</th>
              <th scope="col">{t("matrix.drill.duration")}</th>
              <th scope="col">{t("matrix.drill.misconception")}</th>
            </tr>
          </thead>
          <tbody>
            {submission.tests.map((test) => (
              <tr key={test.testId} className={`test-${test.status.toLowerCase()}`}>
                <td className="test-status">
                  <span aria-hidden="true">{test.status === "PASSED" ? "✓ " : test.status === "SKIPPED" ? "– " : "✗ "}</span>
                  {t(`test.${test.status}`)}
                </td>
                <th scope="row">{test.name[locale]}</th>
                <td>{test.message?.[locale] ?? ""}</td>
                <td className="duration">
                  {test.durationSeconds === null ? "" : `${test.durationSeconds.toFixed(3)} s`}
                  {test.expectedSeconds !== null && ` (${test.expectedSeconds} ± ${test.toleranceSeconds ?? 0} s)`}
                </td>
                <td>{test.misconception ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trace && trace.tasks.length > 0 && (
        <details className="drill-timeline">
          <summary>{shownTest ? t("matrix.drill.timelineOf", { test: shownTest.name[locale] }) : t("matrix.drill.timeline")}</summary>
          <Timeline trace={trace} locale={locale} messages={timelineMessages} fileName={`submission-${submission.id}`} />
        </details>
      )}
      <details>
        <summary>{t("matrix.drill.code")}</summary>
        <CodeBlock code={submission.code} language="python" lineNumbers label={t("matrix.drill.code")} />
      </details>
      {!submission.regradeOf && (
        <details open={submission.previousCode !== null}>
          <summary>{t("matrix.drill.diff")}</summary>
          {submission.previousCode === null ? (
            <p className="muted">{t("matrix.drill.firstSubmission")}</p>
          ) : (
            <CodeDiff
              before={submission.previousCode}
              after={submission.code}
              beforeLabel={t("matrix.drill.submission", { number: submission.number - 1 })}
              afterLabel={t("matrix.drill.submission", { number: submission.number })}
              messages={editorMessages}
            />
          )}
        </details>
      )}
    </article>
  );
}

function AttemptCard({ attempt, t, locale, when }: { attempt: DrillQuizAttempt; t: Translate; locale: Locale; when: (date: Date) => string }) {
  const headingId = `attempt-${attempt.id}-title`;
  return (
    <article id={`attempt-${attempt.id}`} className="drill-submission" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span>{t("matrix.drill.attempt", { number: attempt.number })}</span>
        <span className="muted">{when(attempt.submittedAt ?? attempt.startedAt)}</span>
        <span>
          {attempt.submittedAt
            ? `${t("matrix.col.score")}: ${attempt.score === null ? t("matrix.never") : percent(attempt.score)}`
            : t("matrix.quizUnfinished")}
        </span>
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("matrix.drill.question")}</th>
            <th scope="col">{t("matrix.drill.answer")}</th>
            <th scope="col">{t("matrix.col.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {attempt.answers.map((answer) => (
            <tr key={answer.questionId}>
              <th scope="row" className="drill-prompt">
                <Markdown>{answer.prompt[locale]}</Markdown>
                {answer.code && <CodeBlock code={answer.code} language="python" />}
              </th>
              <td>{answer.answer ? answer.answer[locale] : <span className="muted">{t("matrix.drill.unanswered")}</span>}</td>
              <td className={answer.correct === null ? "muted" : answer.correct ? "drill-answer-correct" : "drill-answer-incorrect"}>
                {answer.correct === null ? t("matrix.drill.unanswered") : answer.correct ? t("matrix.drill.correct") : t("matrix.drill.incorrect")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

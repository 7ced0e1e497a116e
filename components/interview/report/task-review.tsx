"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TReportTask } from "@/lib/interviews/get-report";
import { ResultView } from "@/components/exercise/result-view";
import { makeText, type Messages } from "@/components/quiz/text";
import { points } from "./format";
import { ItemMeta } from "./question-review";

/**
 * Each coding task: its score, whether it was attempted, the code graded and
 * the grader's result with its tests and timeline (the exercise page's
 * result view; no reference solution here), and a way to it in the course.
 */
export function TaskReview(props: { tasks: TReportTask[]; taskPoints: number; codes: Record<number, ReactNode>; locale: Locale; messages: Messages }) {
  const { tasks, taskPoints, codes, locale, messages } = props;
  const text = useMemo(() => makeText(messages), [messages]);
  if (tasks.length === 0) return null;
  return (
    <section className="interview-report-tasks" aria-labelledby="interview-report-tasks">
      <h2 id="interview-report-tasks">{text("interview.report.tasks")}</h2>
      {tasks.map((task) => {
        const headingId = `interview-task-${task.index}`;
        const submission = task.submission;
        const done = submission?.status === "DONE";
        return (
          <article key={task.index} className="card interview-report-item interview-report-task" id={`item-${task.position + 1}`} aria-labelledby={headingId} data-testid="report-task">
            <h3 id={headingId} className="quiz-question-heading">
              {text("interview.run.task", { number: task.index + 1 })}: {task.title[locale]}
            </h3>
            <ItemMeta seconds={task.seconds} flagged={task.flagged} concepts={task.concepts} text={text} />
            <p className="interview-report-task-score" data-testid="task-score">
              {done || !task.attempted
                ? text("interview.report.taskScore", {
                    score: text("interview.report.points", { earned: points((submission?.score ?? 0) * taskPoints), total: taskPoints }),
                  })
                : text("interview.status.grading")}
            </p>
            {!task.attempted && <p className="muted">{text("interview.report.notAttempted")}</p>}
            {task.attempted && (
              <>
                <h4>{text("interview.report.code")}</h4>
                {codes[task.index]}
              </>
            )}
            {submission && done && <ResultView submission={submission} exerciseId={task.slug} referenceAvailable={false} locale={locale} text={text} timelineMessages={messages} />}
            <p>
              <Link href={`/exercises/${encodeURIComponent(task.slug)}`}>{text("interview.report.openExercise")}</Link>
            </p>
          </article>
        );
      })}
    </section>
  );
}

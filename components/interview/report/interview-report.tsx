import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { pickMessages } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/server";
import type { TInterviewReport } from "@/lib/interviews/get-report";
import { QuizCode } from "@/components/quiz/quiz-code";
import { ConceptTable } from "./concept-table";
import { GradingRefresh } from "./grading-refresh";
import { PracticeList } from "./practice-list";
import { QuestionReview } from "./question-review";
import { ReportSummary } from "./report-summary";
import { TaskReview } from "./task-review";

/** The strings the report's client parts read: the quiz review's, the result view's (with its timeline) and the report's own. */
export const reportMessages = (locale: Locale) =>
  pickMessages(locale, ["interview.", "interviewReport.", "quiz.", "exercise.", "verdict.", "test.", "timeline.", "auth.networkError"]);

/**
 * The body of an interview's report, as its candidate and a share-link
 * holder both read it: the summary (with the page's own actions), the
 * concepts, every question and task, what to practise. While a task is
 * still being graded, `pollUrl` is asked until it is done.
 */
export function InterviewReport(props: { report: TInterviewReport; locale: Locale; t: Translate; pollUrl: string; actions: ReactNode; children?: ReactNode }) {
  const { report, locale, t } = props;
  const messages = reportMessages(locale);
  // Code is drawn on the server (QuizCode) and handed to the client components ready-made.
  const questionCodes: Record<string, ReactNode> = {};
  for (const { question } of report.questions) {
    if (question.code && question.kind !== "fill_blank") questionCodes[question.id] = <QuizCode code={question.code} />;
  }
  const taskCodes: Record<number, ReactNode> = Object.fromEntries(report.tasks.map((task) => [task.index, <QuizCode key={task.index} code={task.code} />]));
  return (
    <div className="interview-report" data-testid="interview-report">
      <ReportSummary report={report} t={t}>
        {report.grading && <GradingRefresh url={props.pollUrl} notice={t("interview.report.grading")} />}
        {props.actions}
      </ReportSummary>
      <ConceptTable concepts={report.concepts} t={t} />
      <QuestionReview questions={report.questions} codes={questionCodes} locale={locale} messages={messages} />
      <TaskReview tasks={report.tasks} taskPoints={report.points.taskPoints} codes={taskCodes} locale={locale} messages={messages} />
      <PracticeList report={report} locale={locale} t={t} />
      {props.children}
    </div>
  );
}

import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import type { TInterviewReport } from "@/lib/interviews/get-report";
import { QuizCode } from "@/components/quiz/quiz-code";
import { ConceptTable } from "./concept-table";
import { GradingRefresh } from "./grading-refresh";
import { PracticeList } from "./practice-list";
import { readerTranslate, reportMessages, type TReportReader } from "./report-messages";
import { QuestionReview } from "./question-review";
import { ReportSummary } from "./report-summary";
import { TaskReview } from "./task-review";

/**
 * The body of an interview's report, as its candidate and a share-link
 * holder both read it: the summary (with the page's own actions), the
 * concepts, every question and task, what to practise. While a task is
 * still being graded, `pollUrl` is asked until it is done.
 */
export function InterviewReport(props: {
  report: TInterviewReport;
  reader: TReportReader;
  locale: Locale;
  t: Translate;
  pollUrl: string;
  actions: ReactNode;
  children?: ReactNode;
}) {
  const { report, locale, reader } = props;
  const t = readerTranslate(props.t, reader);
  const messages = reportMessages(locale, reader);
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

"use client";

import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import type { TPublicQuestion } from "@/lib/quizzes/public-question";
import type { TQuestionFeedback } from "@/lib/quizzes/question-feedback";
import type { TShownAnswer } from "@/lib/quizzes/schemas";
import { Markdown } from "../markdown";
import { InlineMarkdown } from "./inline-markdown";
import { letter, percent, type Text } from "./text";

export type Verdict = "correct" | "partial" | "incorrect" | "unanswered";

export function verdictOf(feedback: TQuestionFeedback): Verdict {
  if (!feedback.answer) return "unanswered";
  if (feedback.correct) return "correct";
  return feedback.score > 0 ? "partial" : "incorrect";
}

/** An answer in words: the letters and texts of options, the output, the seconds, the items in order, the blanks. */
function AnswerText({ question, answer, locale, text }: { question: TPublicQuestion; answer: TShownAnswer; locale: Locale; text: Text }) {
  const option = (position: number) => {
    if (question.kind === "single_choice" || question.kind === "multiple_choice") {
      return (
        <span key={position} className="quiz-answer-option">
          <span>{letter(position)}.</span>
          <span className="quiz-answer-text">
            <InlineMarkdown>{question.options[position]?.[locale] ?? ""}</InlineMarkdown>
          </span>
        </span>
      );
    }
    if (question.kind === "predict_output" && question.outputs) {
      return (
        <span key={position} className="quiz-answer-option">
          <span>{letter(position)}.</span>
          <pre className="quiz-output quiz-answer-text">{question.outputs[position] ?? ""}</pre>
        </span>
      );
    }
    return null;
  };
  switch (answer.kind) {
    case "single_choice":
      return option(answer.option);
    case "multiple_choice":
      return <>{answer.options.map(option)}</>;
    case "true_false":
      return <>{text(answer.value ? "quiz.true" : "quiz.false")}</>;
    case "predict_output":
      return answer.option !== undefined ? option(answer.option) : <pre className="quiz-output">{answer.output}</pre>;
    case "predict_duration":
      return <>{text("quiz.feedback.seconds", { seconds: answer.seconds })}</>;
    case "ordering":
      return (
        <ol className="quiz-answer-order">
          {answer.order.map((position) => (
            <li key={position}>
              <InlineMarkdown>{question.kind === "ordering" ? (question.items[position]?.[locale] ?? "") : ""}</InlineMarkdown>
            </li>
          ))}
        </ol>
      );
    case "fill_blank":
      return (
        <span className="quiz-answer-blanks">
          {answer.blanks.map((blank, index) => (
            <span key={index}>
              {text("quiz.blank", { number: index + 1 })}: <code>{blank}</code>
            </span>
          ))}
        </span>
      );
  }
}

/** Right or not (in words and a sign, not by colour alone), the right answer, the explanation and where to read up. */
export function QuestionFeedbackView({
  question,
  feedback,
  locale,
  text,
}: {
  question: TPublicQuestion;
  feedback: TQuestionFeedback;
  locale: Locale;
  text: Text;
}) {
  const verdict = verdictOf(feedback);
  const alternatives = feedback.accepted?.filter((accepted) => accepted.length > 1);
  return (
    <section className={`quiz-feedback quiz-feedback-${verdict}`}>
      <p className="quiz-verdict" data-testid="quiz-verdict">
        {verdict === "partial" ? text("quiz.feedback.partial", { percent: percent(feedback.score) }) : text(`quiz.feedback.${verdict}`)}
      </p>
      <dl className="quiz-answers">
        {feedback.answer && (
          <>
            <dt>{text("quiz.feedback.yourAnswer")}</dt>
            <dd>
              <AnswerText question={question} answer={feedback.answer} locale={locale} text={text} />
            </dd>
          </>
        )}
        {!feedback.correct && (
          <>
            <dt>{text("quiz.feedback.correctAnswer")}</dt>
            <dd data-testid="quiz-correct-answer">
              <AnswerText question={question} answer={feedback.correctAnswer} locale={locale} text={text} />
            </dd>
          </>
        )}
        {alternatives && alternatives.length > 0 && (
          <>
            <dt>{text("quiz.feedback.accepted")}</dt>
            <dd>
              {feedback.accepted!.map((accepted, index) =>
                accepted.length > 1 ? (
                  <span key={index} className="quiz-answer-blanks">
                    {text("quiz.blank", { number: index + 1 })}: {accepted.map((alternative) => <code key={alternative}>{alternative}</code>)}
                  </span>
                ) : null,
              )}
            </dd>
          </>
        )}
      </dl>
      <h4>{text("quiz.feedback.explanation")}</h4>
      <Markdown>{feedback.explanation[locale]}</Markdown>
      {feedback.references.length > 0 && (
        <>
          <h4>{text("quiz.feedback.reference")}</h4>
          <ul className="quiz-references">
            {feedback.references.map((reference) => (
              <li key={`${reference.seed}:${reference.section}`}>
                <span className="muted">{text("quiz.feedback.tutorial")}</span>{" "}
                {reference.tutorial && <cite>{reference.tutorial}</cite>}
                {reference.title && <> {reference.title}</>}
                {reference.lesson && (
                  <>
                    {" · "}
                    {text("quiz.feedback.lesson")}: <Link href={`/lessons/${reference.lesson.slug}`}>{reference.lesson.title[locale]}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

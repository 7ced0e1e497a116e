"use client";

import { useId, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { TPublicQuestion } from "@/lib/quizzes/public-question";
import type { TQuestionFeedback } from "@/lib/quizzes/question-feedback";
import type { Draft } from "./drafts";
import { InlineMarkdown } from "./inline-markdown";
import { OrderingList } from "./ordering-list";
import { letter, type Text } from "./text";

type InputProps = {
  question: TPublicQuestion;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Set once answered: the inputs are frozen and marked (in words and signs, not colour alone). */
  feedback: TQuestionFeedback | null;
  locale: Locale;
  text: Text;
};

/** "✓ right answer" / "✗ your choice" beside an option once the question is answered. */
function OptionMarks({ right, chosen, text }: { right: boolean; chosen: boolean; text: Text }) {
  if (!right && !chosen) return null;
  return (
    <span className={right ? "quiz-mark quiz-mark-right" : "quiz-mark quiz-mark-wrong"}>
      {right ? "✓" : "✗"} {[chosen ? text("quiz.feedback.yourChoice") : null, right ? text("quiz.feedback.rightChoice") : null].filter(Boolean).join(" · ")}
    </span>
  );
}

function positionsOf(answer: TQuestionFeedback["correctAnswer"] | null): number[] {
  if (!answer) return [];
  if (answer.kind === "single_choice") return [answer.option];
  if (answer.kind === "multiple_choice") return answer.options;
  if (answer.kind === "predict_output" && answer.option !== undefined) return [answer.option];
  return [];
}

/** Radio buttons or checkboxes over the shown options, each with its letter. */
function ChoiceGroup(props: InputProps & { multiple: boolean; legend: string; labels: ReactNode[] }) {
  const name = useId();
  const { draft, onChange, feedback, text } = props;
  const right = positionsOf(feedback?.correctAnswer ?? null);
  const chosen = positionsOf(feedback?.answer ?? null);
  const selected = (position: number) => {
    if (draft.kind === "multiple_choice") return draft.options.includes(position);
    if (draft.kind === "single_choice" || draft.kind === "predict_output") return draft.option === position;
    return false;
  };
  const choose = (position: number, checked: boolean) => {
    if (draft.kind === "multiple_choice") {
      onChange({ ...draft, options: checked ? [...draft.options, position] : draft.options.filter((other) => other !== position) });
    } else if (draft.kind === "single_choice" || draft.kind === "predict_output") {
      onChange({ ...draft, option: position });
    }
  };
  return (
    <fieldset className="quiz-choices" disabled={feedback !== null}>
      <legend className="hint">{props.legend}</legend>
      {props.labels.map((label, position) => (
        <label key={position} className={selected(position) ? "quiz-choice selected" : "quiz-choice"}>
          <input
            type={props.multiple ? "checkbox" : "radio"}
            name={name}
            checked={selected(position)}
            onChange={(event) => choose(position, event.target.checked)}
          />
          <span className="quiz-letter" aria-hidden="true">
            {letter(position)}
          </span>
          <span className="quiz-choice-text">{label}</span>
          {feedback && <OptionMarks right={right.includes(position)} chosen={chosen.includes(position)} text={text} />}
        </label>
      ))}
    </fieldset>
  );
}

/** The code with an input in place of each ____ blank, each labelled "blank n". */
function FillBlankCode(props: InputProps & { code: string }) {
  const { draft, onChange, feedback, text } = props;
  if (draft.kind !== "fill_blank") return null;
  const segments = props.code.split("____");
  return (
    <>
      <pre className="code-view quiz-fill">
        <code>
          {segments.map((segment, index) => (
            <span key={index}>
              {segment}
              {index < segments.length - 1 && (
                <span className="quiz-blank">
                  <input
                    type="text"
                    aria-label={text("quiz.blank", { number: index + 1 })}
                    value={draft.blanks[index] ?? ""}
                    size={Math.max(6, (draft.blanks[index] ?? "").length + 1)}
                    spellCheck={false}
                    autoCapitalize="off"
                    autoComplete="off"
                    readOnly={feedback !== null}
                    onChange={(event) => onChange({ ...draft, blanks: draft.blanks.map((blank, other) => (other === index ? event.target.value : blank)) })}
                  />
                  {feedback?.blanks && (
                    <span className={feedback.blanks[index] ? "quiz-mark quiz-mark-right" : "quiz-mark quiz-mark-wrong"}>
                      {feedback.blanks[index] ? "✓" : "✗"}
                      <span className="visually-hidden">
                        {" "}
                        {text("quiz.blank", { number: index + 1 })}: {text(feedback.blanks[index] ? "quiz.feedback.blankRight" : "quiz.feedback.blankWrong")}
                      </span>
                    </span>
                  )}
                </span>
              )}
            </span>
          ))}
        </code>
      </pre>
      {!feedback && <p className="hint">{text("quiz.blankHint")}</p>}
    </>
  );
}

/** The input of each kind of question. */
export function QuestionInput(props: InputProps) {
  const { question, draft, onChange, feedback, locale, text } = props;
  const fieldId = useId();
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice":
      return (
        <ChoiceGroup
          {...props}
          multiple={question.kind === "multiple_choice"}
          legend={text(question.kind === "multiple_choice" ? "quiz.chooseMany" : "quiz.chooseOne")}
          labels={question.options.map((option, index) => (
            <InlineMarkdown key={index}>{option[locale]}</InlineMarkdown>
          ))}
        />
      );
    case "true_false":
      return (
        <fieldset className="quiz-choices quiz-true-false" disabled={feedback !== null}>
          <legend className="hint">{text("quiz.chooseOne")}</legend>
          {[true, false].map((value) => {
            const rightValue = feedback?.correctAnswer.kind === "true_false" ? feedback.correctAnswer.value : null;
            const chosenValue = feedback?.answer?.kind === "true_false" ? feedback.answer.value : null;
            return (
              <label key={String(value)} className={draft.kind === "true_false" && draft.value === value ? "quiz-choice selected" : "quiz-choice"}>
                <input
                  type="radio"
                  name={fieldId}
                  checked={draft.kind === "true_false" && draft.value === value}
                  onChange={() => draft.kind === "true_false" && onChange({ ...draft, value })}
                />
                <span className="quiz-choice-text">{text(value ? "quiz.true" : "quiz.false")}</span>
                {feedback && <OptionMarks right={rightValue === value} chosen={chosenValue === value} text={text} />}
              </label>
            );
          })}
        </fieldset>
      );
    case "predict_output":
      if (question.outputs) {
        return (
          <ChoiceGroup
            {...props}
            multiple={false}
            legend={text("quiz.chooseOne")}
            labels={question.outputs.map((output, index) => (
              <pre key={index} className="quiz-output">
                {output}
              </pre>
            ))}
          />
        );
      }
      return (
        <div className="quiz-field">
          <label htmlFor={fieldId}>{text("quiz.outputLabel")}</label>
          <textarea
            id={fieldId}
            className="quiz-output-input"
            rows={Math.max(3, (draft.kind === "predict_output" ? draft.output : "").split("\n").length + 1)}
            value={draft.kind === "predict_output" ? draft.output : ""}
            spellCheck={false}
            readOnly={feedback !== null}
            aria-describedby={`${fieldId}-hint`}
            onChange={(event) => draft.kind === "predict_output" && onChange({ ...draft, output: event.target.value })}
          />
          <p id={`${fieldId}-hint`} className="hint">
            {text("quiz.outputHint")}
          </p>
        </div>
      );
    case "predict_duration":
      return (
        <div className="quiz-field">
          <label htmlFor={fieldId}>{text("quiz.secondsLabel")}</label>
          <input
            id={fieldId}
            className="quiz-seconds"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            autoComplete="off"
            value={draft.kind === "predict_duration" ? draft.seconds : ""}
            readOnly={feedback !== null}
            aria-describedby={`${fieldId}-tolerance`}
            onChange={(event) => draft.kind === "predict_duration" && onChange({ ...draft, seconds: event.target.value })}
          />
          <p id={`${fieldId}-tolerance`} className="hint">
            {text("quiz.tolerance", { tolerance: question.tolerance })}
          </p>
        </div>
      );
    case "ordering":
      return (
        <OrderingList
          items={question.items}
          order={draft.kind === "ordering" ? draft.order : []}
          onChange={(order) => draft.kind === "ordering" && onChange({ ...draft, order })}
          disabled={feedback !== null}
          locale={locale}
          text={text}
        />
      );
    case "fill_blank":
      return <FillBlankCode {...props} code={question.code ?? ""} />;
  }
}

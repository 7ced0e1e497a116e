/**
 * What a learner is told once a question is answered (or once the attempt
 * is over, for a question left unanswered): right or not, the score, the
 * right answer in the positions they were shown, the explanation and where
 * to read up. Only ever built after the answer is stored.
 */
import type { TBilingual, TQuestion } from "../content/schemas";
import { scoreAnswer } from "./score-answer";
import type { StoredQuestion, TShownAnswer, TStoredAnswer } from "./schemas";
import { correctShownAnswer, toShownAnswer } from "./translate-answer";
import { tutorialReferences, type LessonIndex, type TTutorialReference } from "./tutorial-references";

export type TQuestionFeedback = {
  /** What the learner answered, in shown positions; null when left unanswered. */
  answer: TShownAnswer | null;
  correct: boolean;
  score: number;
  correctAnswer: TShownAnswer;
  /** fill_blank: every accepted answer of each blank. */
  accepted: string[][] | null;
  /** fill_blank: whether each of the learner's blanks was right. */
  blanks: boolean[] | null;
  explanation: TBilingual;
  references: TTutorialReference[];
};

export type RecordedAnswer = { answer: TStoredAnswer; correct: boolean; score: number };

export function questionFeedback(
  stored: StoredQuestion,
  shownOrder: string[] | null,
  recorded: RecordedAnswer | null,
  lessons: LessonIndex,
): TQuestionFeedback {
  const question: TQuestion = stored.question;
  // The stored verdict stands even if the bank changed since; the per-blank
  // marks are recomputed because only the total was stored.
  const blanks =
    question.kind === "fill_blank" && recorded?.answer.kind === "fill_blank" ? (scoreAnswer(question, recorded.answer).blanks ?? null) : null;
  return {
    answer: recorded ? toShownAnswer(shownOrder, recorded.answer) : null,
    correct: recorded?.correct ?? false,
    score: recorded?.score ?? 0,
    correctAnswer: correctShownAnswer(question, shownOrder),
    accepted: question.kind === "fill_blank" ? question.answer.map((alternatives) => [...alternatives]) : null,
    blanks,
    explanation: { "zh-CN": question.explanation["zh-CN"], en: question.explanation.en },
    references: tutorialReferences(stored, lessons),
  };
}

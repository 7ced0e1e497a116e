/**
 * An attempt as its owner's browser sees it: every question in its public
 * form; feedback for the questions already answered, and for all of them
 * once the attempt is finished (the review). Before that, an unanswered
 * question carries nothing of its key.
 */
import type { TBilingual } from "../content/schemas";
import type { OwnAttempt } from "./find-own-attempt";
import { publicQuestion, type TPublicQuestion } from "./public-question";
import { questionFeedback, type TQuestionFeedback } from "./question-feedback";
import type { StoredQuestion } from "./schemas";
import { attemptQuestions } from "./attempt-questions";
import type { LessonIndex } from "./tutorial-references";

export type TAttemptQuestion = { question: TPublicQuestion; feedback: TQuestionFeedback | null };

export type TQuizAttemptView = {
  id: string;
  quiz: { slug: string; title: TBilingual };
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  questions: TAttemptQuestion[];
};

/** `withheld`: questions of the learner's running mock interview, whose feedback waits until it is over. */
export function buildAttemptView(
  attempt: OwnAttempt,
  questions: Map<string, StoredQuestion>,
  lessons: LessonIndex,
  withheld: ReadonlySet<string> = new Set(),
): TQuizAttemptView {
  const finished = attempt.submittedAt !== null;
  return {
    id: attempt.id,
    quiz: { slug: attempt.item.slug, title: { "zh-CN": attempt.item.titleZh, en: attempt.item.titleEn } },
    startedAt: attempt.startedAt.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: attempt.score,
    questions: attemptQuestions(attempt, questions).map(({ questionId, stored, shownOrder, recorded }) => ({
      question: publicQuestion(stored.question, shownOrder),
      feedback: (recorded || finished) && !withheld.has(questionId) ? questionFeedback(stored, shownOrder, recorded, lessons) : null,
    })),
  };
}

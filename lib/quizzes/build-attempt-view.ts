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
import { ZOptionOrder, ZStoredAnswer, type StoredQuestion } from "./schemas";
import { shownOrderOf } from "./shuffle-options";
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
  const optionOrder = ZOptionOrder.parse(attempt.optionOrder ?? {});
  const answers = new Map(attempt.answers.map((answer) => [answer.questionId, answer]));
  const finished = attempt.submittedAt !== null;
  return {
    id: attempt.id,
    quiz: { slug: attempt.item.slug, title: { "zh-CN": attempt.item.titleZh, en: attempt.item.titleEn } },
    startedAt: attempt.startedAt.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: attempt.score,
    questions: attempt.questionIds.flatMap((questionId) => {
      const stored = questions.get(questionId);
      if (!stored) return [];
      const shownOrder = shownOrderOf(stored.question, optionOrder);
      const answer = answers.get(questionId);
      const recorded = answer ? { answer: ZStoredAnswer.parse(answer.answer), correct: answer.correct, score: answer.score } : null;
      return [
        {
          question: publicQuestion(stored.question, shownOrder),
          feedback: (recorded || finished) && !withheld.has(questionId) ? questionFeedback(stored, shownOrder, recorded, lessons) : null,
        },
      ];
    }),
  };
}

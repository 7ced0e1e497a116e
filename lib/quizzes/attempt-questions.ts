/**
 * The questions an attempt holds, in its order, each with the order its
 * options were shown in and the answer recorded for it (read back through
 * its schema): what the practice quiz's view and the mock interview's views
 * and report all start from. A question missing from `questions` is left out.
 */
import type { RecordedAnswer } from "./question-feedback";
import { ZOptionOrder, ZStoredAnswer, type StoredQuestion } from "./schemas";
import { shownOrderOf } from "./shuffle-options";

export type AttemptQuestion = {
  questionId: string;
  /** Its place in the attempt's draw. */
  position: number;
  stored: StoredQuestion;
  shownOrder: string[] | null;
  recorded: RecordedAnswer | null;
};

export function attemptQuestions(
  attempt: { questionIds: string[]; optionOrder: unknown; answers: { questionId: string; answer: unknown; correct: boolean; score: number }[] },
  questions: Map<string, StoredQuestion>,
): AttemptQuestion[] {
  const optionOrder = ZOptionOrder.parse(attempt.optionOrder ?? {});
  const answers = new Map(attempt.answers.map((answer) => [answer.questionId, answer]));
  return attempt.questionIds.flatMap((questionId, position) => {
    const stored = questions.get(questionId);
    if (!stored) return [];
    const answer = answers.get(questionId);
    const recorded = answer ? { answer: ZStoredAnswer.parse(answer.answer), correct: answer.correct, score: answer.score } : null;
    return [{ questionId, position, stored, shownOrder: shownOrderOf(stored.question, optionOrder), recorded }];
  });
}

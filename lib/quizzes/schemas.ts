/**
 * The shapes of a practice quiz at its boundaries: what the browser sends
 * (answers by position in the lists it was shown), what the database keeps
 * (answers by the bank's own option ids, so they mean the same whatever the
 * shuffle was) and how a stored question is read back.
 */
import { z } from "zod";
import { ZBilingual, ZQuestion, ZSeedReference, type TQuestion } from "../content/schemas";

export type TQuestionKind = TQuestion["kind"];

/** Longest typed output a learner may send for "what does this print" (the bank's longest is ~300). */
export const OUTPUT_MAX_CHARS = 4000;
/** Longest text of one blank of a fill-in-the-blank question. */
export const BLANK_MAX_CHARS = 200;
/** Largest duration a learner may type, in seconds; the bank's longest is 10 s. */
export const SECONDS_MAX = 100_000;
/** More options or items than any question can have (option ids are one letter). */
const POSITIONS_MAX = 26;

const ZPosition = z
  .number({ error: "quiz.error.position" })
  .int({ error: "quiz.error.position" })
  .min(0, { error: "quiz.error.position" })
  .max(POSITIONS_MAX - 1, { error: "quiz.error.position" });
const distinct = (values: number[]) => new Set(values).size === values.length;

/**
 * An answer as the browser gives it: positions in the option, output or item
 * lists of the public question (lib/quizzes/public-question.ts), never the
 * bank's ids, which would tell which option the author wrote first.
 */
export const ZShownAnswer = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("single_choice"), option: ZPosition }).strict(),
    z
      .object({
        kind: z.literal("multiple_choice"),
        options: z
          .array(ZPosition, { error: "quiz.error.chooseAtLeastOne" })
          .min(1, { error: "quiz.error.chooseAtLeastOne" })
          .max(POSITIONS_MAX, { error: "quiz.error.position" })
          .refine(distinct, { error: "quiz.error.duplicatePosition" }),
      })
      .strict(),
    z.object({ kind: z.literal("true_false"), value: z.boolean({ error: "quiz.error.trueFalse" }) }).strict(),
    // One object for both modes (zod's discriminated union takes one member per kind).
    z
      .object({
        kind: z.literal("predict_output"),
        option: ZPosition.optional(),
        output: z
          .string({ error: "quiz.error.output" })
          .max(OUTPUT_MAX_CHARS, { error: "quiz.error.outputTooLong" })
          .optional(),
      })
      .strict()
      .refine((answer) => (answer.option === undefined) !== (answer.output === undefined), { error: "quiz.error.output" }),
    z
      .object({
        kind: z.literal("predict_duration"),
        seconds: z
          .number({ error: "quiz.error.seconds" })
          .min(0, { error: "quiz.error.seconds" })
          .max(SECONDS_MAX, { error: "quiz.error.seconds" }),
      })
      .strict(),
    z
      .object({
        kind: z.literal("ordering"),
        order: z
          .array(ZPosition, { error: "quiz.error.order" })
          .min(2, { error: "quiz.error.order" })
          .max(POSITIONS_MAX, { error: "quiz.error.order" })
          .refine(distinct, { error: "quiz.error.order" }),
      })
      .strict(),
    z
      .object({
        kind: z.literal("fill_blank"),
        blanks: z
          .array(z.string({ error: "quiz.error.blank" }).max(BLANK_MAX_CHARS, { error: "quiz.error.blankTooLong" }), {
            error: "quiz.error.blank",
          })
          .min(1, { error: "quiz.error.blank" })
          .max(POSITIONS_MAX, { error: "quiz.error.blank" }),
      })
      .strict(),
  ],
  { error: "quiz.error.answerKind" },
);
export type TShownAnswer = z.infer<typeof ZShownAnswer>;

/** POST /api/quiz-attempts/:id/answers */
export const ZAnswerQuizQuestionRequestSchema = z
  .object({
    questionId: z.uuid({ error: "quiz.error.questionId" }),
    answer: ZShownAnswer,
  })
  .strict();
export type TAnswerQuizQuestionRequest = z.infer<typeof ZAnswerQuizQuestionRequestSchema>;

/** QuizAnswer.answer: the same answer in the bank's ids (option and item ids, texts, numbers). */
export const ZStoredAnswer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("single_choice"), option: z.string() }),
  z.object({ kind: z.literal("multiple_choice"), options: z.array(z.string()) }),
  z.object({ kind: z.literal("true_false"), value: z.boolean() }),
  z.object({ kind: z.literal("predict_output"), option: z.string().optional(), output: z.string().optional() }),
  z.object({ kind: z.literal("predict_duration"), seconds: z.number() }),
  z.object({ kind: z.literal("ordering"), order: z.array(z.string()) }),
  z.object({ kind: z.literal("fill_blank"), blanks: z.array(z.string()) }),
]);
export type TStoredAnswer = z.infer<typeof ZStoredAnswer>;

/** QuizAttempt.optionOrder: per question id, the bank ids of its options (or items) in the order shown. */
export const ZOptionOrder = z.record(z.string(), z.array(z.string()));
export type TOptionOrder = z.infer<typeof ZOptionOrder>;

/** A seed section with its titles, as content sync stores it beside each question (load-content.ts). */
export const ZTutorialReference = ZSeedReference.extend({ tutorial: z.string().nullable(), title: z.string().nullable() });

/** QuizQuestion.content: the bank's question plus what sync adds (its bank, topic and tutorial references). */
const ZQuestionExtras = z.object({
  bank: z.string(),
  topic: ZBilingual,
  // Content synced before references existed has none; the next sync adds them.
  references: z.array(ZTutorialReference).default([]),
});

export type StoredQuestion = {
  question: TQuestion;
  topic: z.infer<typeof ZBilingual>;
  references: z.infer<typeof ZTutorialReference>[];
};

/** Reads QuizQuestion.content back: the database is a boundary like any other. */
export function parseStoredQuestion(content: unknown): StoredQuestion {
  const { bank: _bank, topic: _topic, references: _references, ...question } = z.record(z.string(), z.unknown()).parse(content);
  const extras = ZQuestionExtras.parse(content);
  return { question: ZQuestion.parse(question), topic: extras.topic, references: extras.references };
}

/** CourseItem.content of a QUIZ item (load-content.ts). */
export const ZQuizContent = z.object({
  questions: z.array(z.uuid()),
  estimatedMinutes: z.number(),
});

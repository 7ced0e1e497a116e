/**
 * The course content format: one zod schema per file kind, each field
 * described, so `npm run content:schemas` can write JSON Schema for editors.
 *
 * exercises/<course>/
 *   course.json                      ZCourseFile: the course and its chapter folders, in order
 *   seeds.json                       ZSeedsFile: the seed tutorials' sections (for coverage)
 *   <chapter>/chapter.json           ZChapterFile: the chapter and its item folders, in order
 *   <chapter>/<item>/lesson.json     ZLessonFile  + lesson.zh-CN.md, lesson.en.md
 *   <chapter>/<item>/exercise.json   ZExerciseFile + prompt.zh-CN.md, prompt.en.md, starter.py,
 *                                    solution.py, tests.py, correct/*.py, wrong/*.py
 *   <chapter>/<item>/quiz.json       ZQuizFile: a fixed practice set drawn from the bank
 *   questions/*.json                 ZQuestionBankFile: the quiz question bank
 */
import { z } from "zod";
import { ZLimits } from "../../grader/sandbox/limits";

export const ZBilingual = z
  .object({ "zh-CN": z.string().min(1), en: z.string().min(1) })
  .strict()
  .describe("Text for the learner: zh-CN first, then en");

/**
 * Every file may name its JSON Schema (`"$schema": "../../schemas/exercise.schema.json"`)
 * so editors complete and check it; strict objects would otherwise reject the key.
 */
const editorSchema = { $schema: z.string().optional().describe("Path of this file's JSON Schema, for editors") };

/** Correct solutions besides the reference that each exercise must carry (issue 11). */
export const MIN_CORRECT_SOLUTIONS = 2;

const ZId = z.uuid().describe("Stable id (a uuid): never change it, so renames keep students' history");
const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words joined by hyphens")
  .describe("URL name, unique in the course");

/** One spelling per concept, so teachers' statistics by concept are not split. */
const ZConcept = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a concept tag is lowercase words joined by hyphens (create-task, not create_task)");

export const ZSeedReference = z
  .object({
    seed: z.enum(["000", "001", "002", "003", "004"]).describe("The tutorial in shared/seeds/ (file name prefix)"),
    section: z.string().min(1).describe("A section id of that seed, as listed in seeds.json"),
  })
  .strict();

export const ZDifficulty = z.enum(["beginner", "intermediate", "advanced", "interview"]);

export const ZCourseFile = z
  .object({
    ...editorSchema,
    id: ZId,
    slug: ZSlug,
    title: ZBilingual,
    description: ZBilingual.optional(),
    referenceAfterAttempts: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe("After this many attempts without solving an exercise, its reference solution is offered (default 5)"),
    chapters: z.array(z.string().min(1)).min(1).describe("Chapter folders, relative to the course folder, in order"),
  })
  .strict();

export const ZChapterFile = z
  .object({
    ...editorSchema,
    id: ZId,
    slug: ZSlug,
    title: ZBilingual,
    items: z.array(z.string().min(1)).describe("Item folders, relative to the chapter folder, in order"),
  })
  .strict();

export const ZSeedsFile = z
  .object({
    ...editorSchema,
    seeds: z.array(
      z
        .object({
          seed: ZSeedReference.shape.seed,
          title: z.string().min(1),
          label: z
            .string()
            .min(1)
            .optional()
            .describe("The title learners read in an item's source line, when `title` carries authors' notes"),
          sections: z.array(
            z
              .object({
                id: z.string().min(1).describe("Short id used in seed references, e.g. '5.2'"),
                title: z.string().min(1).describe("The section heading as the seed writes it"),
                label: z
                  .string()
                  .min(1)
                  .optional()
                  .describe("What learners read after the section number, when the seed's heading misleads (its own numbering is dropped anyway)"),
                teaches: z.boolean().default(true).describe("false for sections that teach nothing to test (e.g. 'further reading')"),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

const itemCommon = {
  ...editorSchema,
  id: ZId,
  slug: ZSlug,
  title: ZBilingual,
  seeds: z.array(ZSeedReference).min(1).describe("The seed sections this item teaches"),
  concepts: z.array(ZConcept).min(1).describe("Concept tags, e.g. gather, create-task, semaphore"),
};

export const ZLessonFile = z.object({ ...itemCommon, estimatedMinutes: z.number().int().min(1).max(120) }).strict();

export const ZLimitsOverride = ZLimits.partial()
  .strict()
  .describe("Limits of one grading run; defaults in grader/contract.json (grader/CONTRACT.md, Limits)");

/** One answer of a fake HTTP route; fields left out are the route's own. */
const ZFakeHttpResponse = z
  .object({
    latency: z.number().nonnegative().optional(),
    status: z.number().int().optional(),
    json: z.unknown().optional(),
    text: z.string().optional(),
  })
  .strict();

export const ZFakeIo = z
  .object({
    http: z
      .object({
        defaultLatency: z.number().nonnegative().optional(),
        routes: z
          .array(
            z
              .object({
                url: z.string().describe("fnmatch pattern on the full URL"),
                method: z.string().optional(),
                latency: z.number().nonnegative().optional(),
                status: z.number().int().optional(),
                json: z.unknown().optional(),
                text: z.string().optional(),
                responses: z
                  .array(ZFakeHttpResponse)
                  .min(1)
                  .optional()
                  .describe("Answers that change over time: the n-th request to the route (in a run) gets the n-th response, the last one repeats"),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    fileLatency: z.number().nonnegative().optional(),
  })
  .strict()
  .describe("Latency and answers of the harness's fake aiohttp/requests/aiofiles");

export const ZWrongSolution = z
  .object({
    file: z.string().regex(/^wrong\/[a-z0-9-]+\.py$/).describe("The known-wrong solution, under wrong/"),
    failsTest: z.string().min(1).describe("The id of the test it must fail (content:check proves it does)"),
    misconception: z.string().min(1).describe("The misconception code the failing test must report (grader/CONTRACT.md)"),
    explanation: ZBilingual.describe("What this wrong solution believes, for authors and teachers"),
  })
  .strict();

export const ZCorrectSolution = z
  .object({
    file: z.string().regex(/^correct\/[a-z0-9-]+\.py$/).describe("Another correct solution, under correct/"),
    style: ZBilingual.describe("How it differs from the reference (TaskGroup, as_completed, functools.partial, …)"),
  })
  .strict();

export const ZExerciseFile = z
  .object({
    ...itemCommon,
    difficulty: ZDifficulty,
    estimatedMinutes: z.number().int().min(1).max(180),
    clock: z.enum(["virtual", "wall"]).default("virtual").describe("wall only for what the virtual model cannot express"),
    cpu: z.enum(["free", "charged"]).default("free"),
    limits: ZLimitsOverride.optional(),
    io: ZFakeIo.optional(),
    hints: z.array(ZBilingual).min(1).describe("Hints in increasing strength"),
    correctSolutions: z
      .array(ZCorrectSolution)
      .min(MIN_CORRECT_SOLUTIONS)
      .describe("Correct solutions in other styles than solution.py; content:check proves each passes every test"),
    wrongSolutions: z.array(ZWrongSolution).min(1).describe("Known-wrong solutions, each failing a named test"),
  })
  .strict();

const ZQuestionCommon = {
  id: ZId,
  difficulty: z.number().int().min(1).max(5),
  concepts: z.array(ZConcept).min(1),
  seeds: z.array(ZSeedReference).min(1),
  prompt: ZBilingual.describe("The question (markdown)"),
  code: z.string().optional().describe("Python code shown with the question"),
  explanation: ZBilingual.describe("Why the answer is right, shown after answering"),
  interview: z.boolean().default(false).describe("Eligible for mock interviews"),
};

const ZOption = z.object({ id: z.string().regex(/^[a-z]$/), text: ZBilingual }).strict();

export const ZQuestion = z.discriminatedUnion("kind", [
  z.object({ ...ZQuestionCommon, kind: z.literal("single_choice"), options: z.array(ZOption).min(2), answer: z.string() }).strict(),
  z
    .object({ ...ZQuestionCommon, kind: z.literal("multiple_choice"), options: z.array(ZOption).min(2), answer: z.array(z.string()).min(1) })
    .strict(),
  z.object({ ...ZQuestionCommon, kind: z.literal("true_false"), answer: z.boolean() }).strict(),
  z
    .object({
      ...ZQuestionCommon,
      kind: z.literal("predict_output"),
      code: z.string().min(1),
      answer: z.string().describe("The exact output (stdout), checked by running the code in the grader"),
      options: z.array(z.object({ id: z.string().regex(/^[a-z]$/), output: z.string() }).strict()).optional()
        .describe("Multiple-choice mode: outputs to choose from (one equals the answer); omit to type the output"),
    })
    .strict(),
  z
    .object({
      ...ZQuestionCommon,
      kind: z.literal("predict_duration"),
      code: z.string().min(1),
      answer: z.number().nonnegative().describe("Seconds on the virtual clock, checked by running the code"),
      tolerance: z.number().positive().default(0.05),
    })
    .strict(),
  z
    .object({
      ...ZQuestionCommon,
      kind: z.literal("ordering"),
      items: z.array(z.object({ id: z.string().regex(/^[a-z]$/), text: ZBilingual }).strict()).min(2),
      answer: z.array(z.string()).min(2).describe("Item ids in the right order"),
      checkByRunning: z.boolean().default(false).describe("The items are printed lines of `code`: check the order by running it"),
    })
    .strict(),
  z
    .object({
      ...ZQuestionCommon,
      kind: z.literal("fill_blank"),
      code: z.string().includes("____").describe("Code with one or more ____ blanks"),
      answer: z.array(z.array(z.string().min(1)).min(1)).min(1).describe("Per blank, the accepted answers (the first is canonical)"),
      expectOutput: z.string().optional().describe("With the canonical answers filled in, the code prints exactly this (checked by running)"),
    })
    .strict(),
]);
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZQuestionBankFile = z.object({ ...editorSchema, topic: ZBilingual, questions: z.array(ZQuestion).min(1) }).strict();

export const ZQuizFile = z
  .object({
    ...itemCommon,
    estimatedMinutes: z.number().int().min(1).max(120),
    questions: z.array(z.uuid()).min(1).describe("Question ids from the bank, in the order shown"),
  })
  .strict();

export type TBilingual = z.infer<typeof ZBilingual>;
export type TSeedReference = z.infer<typeof ZSeedReference>;
export type TCourseFile = z.infer<typeof ZCourseFile>;
export type TChapterFile = z.infer<typeof ZChapterFile>;
export type TSeedsFile = z.infer<typeof ZSeedsFile>;
export type TLessonFile = z.infer<typeof ZLessonFile>;
export type TExerciseFile = z.infer<typeof ZExerciseFile>;
export type TQuizFile = z.infer<typeof ZQuizFile>;
export type TQuestionBankFile = z.infer<typeof ZQuestionBankFile>;

/** The misconception codes the harness reports (grader/CONTRACT.md, "The result document"). */
export const MISCONCEPTION_CODES = [
  "sequential",
  "blocking-sleep",
  "blocking-requests",
  "blocking-cpu",
  "blocking-call",
  "never-awaited",
  "unbounded-concurrency",
  "timing",
  "missing-await",
  "missing-return",
  "not-a-task",
  "order",
  "output",
  "missing-name",
  "not-async",
  "exception",
  "deadlock",
  "virtual-time-limit",
  "busy-wait",
  "memory",
  "exit",
] as const;

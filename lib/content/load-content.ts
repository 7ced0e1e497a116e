/**
 * Loads the course content from exercises/ (layout in lib/content/schemas.ts).
 * Like PrairieLearn's loader it never stops at the first problem: every file
 * is read and validated, and every error comes back with its file and the
 * path inside it, so an author fixes them all in one round.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import {
  ZChapterFile,
  ZCourseFile,
  ZExerciseFile,
  ZLessonFile,
  ZQuestion,
  ZQuestionBankFile,
  ZQuizFile,
  ZSeedsFile,
  type TBilingual,
  type TExerciseFile,
  type TLessonFile,
  type TQuestion,
  type TQuizFile,
  type TSeedReference,
  type TSeedsFile,
} from "./schemas";
import { describeSources, sectionLabel } from "./describe-sources";
import { localizeStarter, starterCommentProblems } from "./localize-starter";
import { BLANK, normalizeOutput } from "./answer-text";

// Re-exported: the loader's users find them here; the web app imports ./answer-text, which reads no files.
export { BLANK, normalizeOutput };

export type ContentProblem = {
  file: string;
  /** Where in the file, e.g. `questions.3.answer`; null for the file as a whole. */
  path: string | null;
  message: string;
};

type ItemCommon = {
  id: string;
  slug: string;
  title: TBilingual;
  /** The item folder. */
  directory: string;
  /** Its lesson.json / exercise.json / quiz.json. */
  file: string;
  /** What the web app reads (CourseItem.content). */
  content: Record<string, unknown>;
  /** sha256 of every file of the item folder. */
  contentHash: string;
};
export type LoadedLesson = ItemCommon & { kind: "LESSON"; definition: TLessonFile };
/**
 * What grading an exercise needs beside its exercise.json: tests.py (read
 * only by the judge) and scenarios.py (optional: code that drives the
 * submission from inside its process). Synced to ExerciseGrading, never to
 * a page.
 */
export type ExerciseGradingFiles = { tests: string; scenarios: string | null };
export type LoadedExerciseItem = ItemCommon & { kind: "EXERCISE"; definition: TExerciseFile; grading: ExerciseGradingFiles };
export type LoadedQuiz = ItemCommon & { kind: "QUIZ"; definition: TQuizFile };
export type LoadedItem = LoadedLesson | LoadedExerciseItem | LoadedQuiz;

export type LoadedChapter = { id: string; slug: string; title: TBilingual; directory: string; items: LoadedItem[]; contentHash: string };
/** When course.json does not say (ZCourseFile.referenceAfterAttempts). */
export const DEFAULT_REFERENCE_AFTER_ATTEMPTS = 5;

export type LoadedCourse = {
  id: string;
  slug: string;
  title: TBilingual;
  description: TBilingual | null;
  /** After this many unsolved attempts, the reference solution is offered. */
  referenceAfterAttempts: number;
  directory: string;
  chapters: LoadedChapter[];
  /** The seed tutorials' sections (seeds.json), empty when that file is broken. */
  seeds: TSeedsFile["seeds"];
  contentHash: string;
};
export type LoadedQuestion = {
  id: string;
  /** The course folder's slug the bank belongs to. */
  course: string;
  /** The bank file and the question's index in it. */
  file: string;
  index: number;
  question: TQuestion;
  /** What the web app reads (QuizQuestion.content). */
  content: Record<string, unknown>;
  contentHash: string;
};
export type LoadedContent = { courses: LoadedCourse[]; questions: LoadedQuestion[]; errors: ContentProblem[]; warnings: ContentProblem[] };

const ITEM_FILES = { "lesson.json": "LESSON", "exercise.json": "EXERCISE", "quiz.json": "QUIZ" } as const;
/** Folders of a course folder that are not chapters. */
const NON_CHAPTER_FOLDERS = new Set(["questions"]);

export function formatProblem(problem: ContentProblem, root = process.cwd()): string {
  const file = path.relative(root, problem.file) || problem.file;
  return `${file}${problem.path ? ` (${problem.path})` : ""}: ${problem.message}`;
}

const sha256 = (value: string | Buffer) => createHash("sha256").update(value).digest("hex");

/** Every file under a folder, as [relative path, bytes], sorted; hidden files and caches left out. */
async function filesOf(directory: string, prefix = ""): Promise<[string, Buffer][]> {
  const found: [string, Buffer][] = [];
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "__pycache__") continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await filesOf(full, `${prefix}${entry.name}/`)));
    else if (entry.isFile()) found.push([`${prefix}${entry.name}`, await readFile(full)]);
  }
  return found;
}

async function hashFolder(directory: string): Promise<string> {
  const hash = createHash("sha256");
  for (const [name, bytes] of await filesOf(directory)) hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  return hash.digest("hex");
}

async function subfolders(directory: string): Promise<string[]> {
  if (!existsSync(directory)) return [];
  const entries = await readdir(directory, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
}

const isFile = async (file: string) => existsSync(file) && (await stat(file)).isFile();

/** The test ids a tests.py declares with @test("id", …). */
export function declaredTestIds(tests: string): string[] {
  return [...tests.matchAll(/@test\(\s*["']([^"']+)["']/g)].map((match) => match[1]!);
}

/** Fills the blanks of a fill_blank question with the canonical answers. */
export function fillBlanks(code: string, answers: string[][]): string {
  let index = 0;
  return code.replaceAll(BLANK, () => answers[index++]?.[0] ?? BLANK);
}

class Loader {
  readonly errors: ContentProblem[] = [];
  readonly warnings: ContentProblem[] = [];
  readonly courses: LoadedCourse[] = [];
  readonly questions: LoadedQuestion[] = [];
  private readonly ids = new Map<string, string>();
  private readonly itemSlugs = new Map<string, string>();
  private readonly courseSlugs = new Map<string, string>();

  error(file: string, problemPath: string | null, message: string) {
    this.errors.push({ file, path: problemPath, message });
  }

  warn(file: string, problemPath: string | null, message: string) {
    this.warnings.push({ file, path: problemPath, message });
  }

  /** Ids are unique across everything: the database keys every table by them. */
  claimId(id: string, file: string, where: string | null = "id") {
    const previous = this.ids.get(id);
    if (previous) this.error(file, where, `id ${id} is already used by ${previous}`);
    else this.ids.set(id, where && where !== "id" ? `${file} (${where})` : file);
  }

  claimSlug(slugs: Map<string, string>, slug: string, file: string, what: string) {
    const previous = slugs.get(slug);
    if (previous) this.error(file, "slug", `${what} slug "${slug}" is already used by ${previous}`);
    else slugs.set(slug, file);
  }

  /** The parsed JSON, or undefined after recording why the file could not be read. */
  async readJson(file: string): Promise<{ value: unknown; text: string } | undefined> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      this.error(file, null, existsSync(file) ? String(error) : "file is missing");
      return undefined;
    }
    try {
      return { value: JSON.parse(text) as unknown, text };
    } catch (error) {
      this.error(file, null, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  parse<Schema extends z.ZodType>(schema: Schema, value: unknown, file: string, prefix = ""): z.output<Schema> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const where = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
      this.error(file, where || null, issue.message);
    }
    return undefined;
  }

  checkSeedReferences(references: TSeedReference[], known: Set<string> | null, file: string, prefix: string) {
    if (!known) return;
    references.forEach((reference, index) => {
      if (!known.has(`${reference.seed}:${reference.section}`)) {
        this.error(file, `${prefix}seeds.${index}`, `seed ${reference.seed} has no section "${reference.section}" in seeds.json`);
      }
    });
  }

  async loadCourse(courseDirectory: string) {
    const courseFile = path.join(courseDirectory, "course.json");
    const raw = await this.readJson(courseFile);
    const course = raw && this.parse(ZCourseFile, raw.value, courseFile);
    if (!raw || !course) return;
    this.claimId(course.id, courseFile);
    this.claimSlug(this.courseSlugs, course.slug, courseFile, "course");

    const seeds = await this.loadSeeds(path.join(courseDirectory, "seeds.json"));
    const seedIndex = seeds && new Set(seeds.flatMap((seed) => seed.sections.map((section) => `${seed.seed}:${section.id}`)));
    const bank = await this.loadQuestions(path.join(courseDirectory, "questions"), course.slug, seeds);

    const chapters: LoadedChapter[] = [];
    const chapterSlugs = new Map<string, string>();
    const listed = new Set<string>();
    for (const [index, folder] of course.chapters.entries()) {
      const chapterDirectory = path.resolve(courseDirectory, folder);
      if (listed.has(chapterDirectory)) {
        this.error(courseFile, `chapters.${index}`, `chapter folder "${folder}" is listed twice`);
        continue;
      }
      listed.add(chapterDirectory);
      if (!existsSync(path.join(chapterDirectory, "chapter.json"))) {
        this.error(courseFile, `chapters.${index}`, existsSync(chapterDirectory) ? `chapter folder "${folder}" has no chapter.json` : `chapter folder "${folder}" does not exist`);
        continue;
      }
      const chapter = await this.loadChapter(chapterDirectory, { seeds: seeds ?? [], seedIndex, bank });
      if (!chapter) continue;
      this.claimSlug(chapterSlugs, chapter.slug, path.join(chapterDirectory, "chapter.json"), "chapter");
      chapters.push(chapter);
    }
    for (const folder of await subfolders(courseDirectory)) {
      if (!NON_CHAPTER_FOLDERS.has(folder) && !listed.has(path.join(courseDirectory, folder))) {
        this.warn(path.join(courseDirectory, folder), null, "chapter folder is not listed in course.json: it is not synced");
      }
    }
    const contentHash = sha256(
      JSON.stringify({ course: raw.text, seeds: seeds ?? null, chapters: chapters.map((chapter) => chapter.contentHash) }),
    );
    this.courses.push({
      id: course.id,
      slug: course.slug,
      title: course.title,
      description: course.description ?? null,
      referenceAfterAttempts: course.referenceAfterAttempts ?? DEFAULT_REFERENCE_AFTER_ATTEMPTS,
      directory: courseDirectory, chapters, seeds: seeds ?? [], contentHash });
  }

  async loadSeeds(file: string): Promise<TSeedsFile["seeds"] | undefined> {
    const raw = await this.readJson(file);
    const seedsFile = raw && this.parse(ZSeedsFile, raw.value, file);
    if (!seedsFile) return undefined;
    const seen = new Set<string>();
    seedsFile.seeds.forEach((seed, seedIndex) => {
      if (seen.has(seed.seed)) this.error(file, `seeds.${seedIndex}.seed`, `seed ${seed.seed} is listed twice`);
      seen.add(seed.seed);
      const sections = new Set<string>();
      seed.sections.forEach((section, sectionIndex) => {
        if (sections.has(section.id)) this.error(file, `seeds.${seedIndex}.sections.${sectionIndex}.id`, `section id "${section.id}" is used twice`);
        sections.add(section.id);
      });
    });
    return seedsFile.seeds;
  }

  async loadQuestions(directory: string, course: string, seeds: TSeedsFile["seeds"] | undefined) {
    const bank = new Map<string, LoadedQuestion>();
    const seedIndex = seeds && new Set(seeds.flatMap((seed) => seed.sections.map((section) => `${seed.seed}:${section.id}`)));
    if (!existsSync(directory)) return bank;
    const files = (await readdir(directory)).filter((name) => name.endsWith(".json")).sort();
    // The file's shape first, then each question on its own, so one broken
    // question does not hide the others (nor make every quiz using them fail).
    const ZBankShape = ZQuestionBankFile.extend({ questions: z.array(z.unknown()).min(1) });
    for (const name of files) {
      const file = path.join(directory, name);
      const raw = await this.readJson(file);
      const shape = raw && this.parse(ZBankShape, raw.value, file);
      if (!shape) continue;
      for (const [index, value] of shape.questions.entries()) {
        const prefix = `questions.${index}`;
        const question = this.parse(ZQuestion, value, file, prefix);
        if (!question) continue;
        this.claimId(question.id, file, `${prefix}.id`);
        this.checkSeedReferences(question.seeds, seedIndex ?? null, file, `${prefix}.`);
        for (const message of questionKeyProblems(question)) this.error(file, `${prefix}.${message.path}`, message.message);
        // The tutorial titles travel with the question, so feedback can name them without the files,
        // in the one form a learner reads a source in (describe-sources.ts), beside the ids lessons are found by.
        const references = question.seeds.map((reference) => {
          const [source] = describeSources([reference], seeds ?? []);
          return { ...reference, tutorial: source?.tutorial ?? null, title: source ? sectionLabel(source) : null };
        });
        const content = { ...question, bank: name.replace(/\.json$/, ""), topic: shape.topic, references };
        const loaded: LoadedQuestion = { id: question.id, course, file, index, question, content, contentHash: sha256(JSON.stringify(content)) };
        if (!bank.has(question.id)) bank.set(question.id, loaded);
        this.questions.push(loaded);
      }
    }
    return bank;
  }

  async loadChapter(
    chapterDirectory: string,
    context: { seeds: TSeedsFile["seeds"]; seedIndex: Set<string> | null | undefined; bank: Map<string, LoadedQuestion> },
  ): Promise<LoadedChapter | undefined> {
    const chapterFile = path.join(chapterDirectory, "chapter.json");
    const raw = await this.readJson(chapterFile);
    const chapter = raw && this.parse(ZChapterFile, raw.value, chapterFile);
    if (!raw || !chapter) return undefined;
    this.claimId(chapter.id, chapterFile);
    const items: LoadedItem[] = [];
    const listed = new Set<string>();
    for (const [index, folder] of chapter.items.entries()) {
      const itemDirectory = path.resolve(chapterDirectory, folder);
      if (listed.has(itemDirectory)) {
        this.error(chapterFile, `items.${index}`, `item folder "${folder}" is listed twice`);
        continue;
      }
      listed.add(itemDirectory);
      if (!existsSync(itemDirectory)) {
        this.error(chapterFile, `items.${index}`, `item folder "${folder}" does not exist`);
        continue;
      }
      const item = await this.loadItem(itemDirectory, context);
      if (!item) continue;
      this.claimId(item.id, item.file);
      this.claimSlug(this.itemSlugs, item.slug, item.file, "item");
      items.push(item);
    }
    for (const folder of await subfolders(chapterDirectory)) {
      if (!listed.has(path.join(chapterDirectory, folder))) {
        this.warn(path.join(chapterDirectory, folder), null, "item folder is not listed in chapter.json: it is not synced");
      }
    }
    const contentHash = sha256(JSON.stringify({ chapter: raw.text, items: items.map((item) => item.contentHash) }));
    return { id: chapter.id, slug: chapter.slug, title: chapter.title, directory: chapterDirectory, items, contentHash };
  }

  async loadItem(
    directory: string,
    context: { seeds: TSeedsFile["seeds"]; seedIndex: Set<string> | null | undefined; bank: Map<string, LoadedQuestion> },
  ): Promise<LoadedItem | undefined> {
    const present = Object.keys(ITEM_FILES).filter((name) => existsSync(path.join(directory, name)));
    if (present.length !== 1) {
      this.error(directory, null, present.length === 0 ? "holds none of lesson.json, exercise.json, quiz.json" : `holds more than one item file (${present.join(", ")})`);
      return undefined;
    }
    const fileName = present[0] as keyof typeof ITEM_FILES;
    const file = path.join(directory, fileName);
    const raw = await this.readJson(file);
    if (!raw) return undefined;
    const contentHash = await hashFolder(directory);
    const seedIndex = context.seedIndex ?? null;
    const readText = async (name: string) => {
      const companion = path.join(directory, name);
      if (!(await isFile(companion))) {
        this.error(companion, null, `file is missing (every ${fileName.replace(".json", "")} needs it)`);
        return undefined;
      }
      const text = await readFile(companion, "utf8");
      if (text.trim() === "") this.error(companion, null, "file is empty");
      return text;
    };
    const readBilingual = async (stem: string): Promise<TBilingual | undefined> => {
      const zh = await readText(`${stem}.zh-CN.md`);
      const en = await readText(`${stem}.en.md`);
      return zh !== undefined && en !== undefined ? { "zh-CN": zh, en } : undefined;
    };

    switch (ITEM_FILES[fileName]) {
      case "LESSON": {
        const body = await readBilingual("lesson");
        const lesson = this.parse(ZLessonFile, raw.value, file);
        if (!lesson || !body) return undefined;
        this.checkSeedReferences(lesson.seeds, seedIndex, file, "");
        const content = {
          body,
          estimatedMinutes: lesson.estimatedMinutes,
          concepts: lesson.concepts,
          seeds: lesson.seeds,
          sources: describeSources(lesson.seeds, context.seeds),
        };
        return { kind: "LESSON", id: lesson.id, slug: lesson.slug, title: lesson.title, directory, file, content, contentHash, definition: lesson };
      }
      case "EXERCISE": {
        const prompt = await readBilingual("prompt");
        const starter = await readText("starter.py");
        const reference = await readText("solution.py");
        const tests = await readText("tests.py");
        const scenariosFile = path.join(directory, "scenarios.py");
        const scenarios = (await isFile(scenariosFile)) ? await readFile(scenariosFile, "utf8") : null;
        const exercise = this.parse(ZExerciseFile, raw.value, file);
        if (!exercise) return undefined;
        this.checkSeedReferences(exercise.seeds, seedIndex, file, "");
        await this.checkSolutionFiles(exercise, directory, file, tests);
        if (starter !== undefined) {
          for (const problem of starterCommentProblems(starter)) {
            this.error(path.join(directory, "starter.py"), `line ${problem.line}`, problem.message);
          }
        }
        if (!prompt || starter === undefined || tests === undefined) return undefined;
        const content = {
          prompt,
          // The editor starts from it in the learner's language (lib/content/localize-starter.ts).
          starter: { "zh-CN": localizeStarter(starter, "zh-CN"), en: localizeStarter(starter, "en") },
          // Shown to a student only once they solved it or tried often enough (lib/catalogue/get-exercise.ts).
          reference,
          hints: exercise.hints,
          difficulty: exercise.difficulty,
          estimatedMinutes: exercise.estimatedMinutes,
          concepts: exercise.concepts,
          seeds: exercise.seeds,
          sources: describeSources(exercise.seeds, context.seeds),
          clock: exercise.clock,
          cpu: exercise.cpu,
        };
        return {
          kind: "EXERCISE", id: exercise.id, slug: exercise.slug, title: exercise.title, directory, file, content, contentHash,
          definition: exercise, grading: { tests, scenarios },
        };
      }
      case "QUIZ": {
        const quiz = this.parse(ZQuizFile, raw.value, file);
        if (!quiz) return undefined;
        this.checkSeedReferences(quiz.seeds, seedIndex, file, "");
        const seen = new Set<string>();
        quiz.questions.forEach((id, index) => {
          if (seen.has(id)) this.error(file, `questions.${index}`, `question ${id} is listed twice`);
          else if (!context.bank.has(id)) this.error(file, `questions.${index}`, `question ${id} is not in the question bank (questions/*.json)`);
          seen.add(id);
        });
        const content = {
          questions: quiz.questions,
          estimatedMinutes: quiz.estimatedMinutes,
          concepts: quiz.concepts,
          seeds: quiz.seeds,
          sources: describeSources(quiz.seeds, context.seeds),
        };
        return { kind: "QUIZ", id: quiz.id, slug: quiz.slug, title: quiz.title, directory, file, content, contentHash, definition: quiz };
      }
    }
  }

  async checkSolutionFiles(exercise: TExerciseFile, directory: string, file: string, tests: string | undefined) {
    const testIds = tests === undefined ? null : new Set(declaredTestIds(tests));
    const listed = new Set<string>();
    for (const field of ["wrongSolutions", "correctSolutions"] as const) {
      for (const [index, solution] of exercise[field].entries()) {
        const where = `${field}.${index}`;
        if (listed.has(solution.file)) this.error(file, `${where}.file`, `${solution.file} is listed twice`);
        listed.add(solution.file);
        if (!(await isFile(path.join(directory, solution.file)))) this.error(file, `${where}.file`, `${solution.file} is missing`);
      }
    }
    for (const [index, wrong] of exercise.wrongSolutions.entries()) {
      if (testIds && !testIds.has(wrong.failsTest)) {
        this.error(file, `wrongSolutions.${index}.failsTest`, `tests.py declares no test "${wrong.failsTest}" (it has: ${[...testIds].join(", ") || "none"})`);
      }
    }
    for (const [folder, field] of [["wrong", "wrongSolutions"], ["correct", "correctSolutions"]] as const) {
      const solutions = path.join(directory, folder);
      if (!existsSync(solutions)) continue;
      for (const name of (await readdir(solutions)).sort()) {
        if (name.endsWith(".py") && !listed.has(`${folder}/${name}`)) {
          this.warn(path.join(solutions, name), null, `not listed in exercise.json ${field}: content:check never runs it`);
        }
      }
    }
  }
}

/** Answer keys that contradict their own question: wrong option ids, a non-permutation, a blank count. */
export function questionKeyProblems(question: TQuestion): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const uniqueIds = (ids: string[], where: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) problems.push({ path: `${where}.${index}.id`, message: `id "${id}" is used twice` });
      seen.add(id);
    });
    return seen;
  };
  switch (question.kind) {
    case "single_choice": {
      const options = uniqueIds(question.options.map((option) => option.id), "options");
      if (!options.has(question.answer)) problems.push({ path: "answer", message: `"${question.answer}" is not an option id (${[...options].join(", ")})` });
      break;
    }
    case "multiple_choice": {
      const options = uniqueIds(question.options.map((option) => option.id), "options");
      question.answer.forEach((answer, index) => {
        if (!options.has(answer)) problems.push({ path: `answer.${index}`, message: `"${answer}" is not an option id (${[...options].join(", ")})` });
      });
      if (new Set(question.answer).size !== question.answer.length) problems.push({ path: "answer", message: "an option is listed twice" });
      break;
    }
    case "predict_output": {
      if (question.options) {
        uniqueIds(question.options.map((option) => option.id), "options");
        const answer = normalizeOutput(question.answer);
        const matching = question.options.filter((option) => normalizeOutput(option.output) === answer);
        if (matching.length !== 1) {
          problems.push({ path: "options", message: matching.length === 0 ? "no option's output equals the answer" : "more than one option's output equals the answer" });
        }
      }
      break;
    }
    case "ordering": {
      const items = uniqueIds(question.items.map((item) => item.id), "items");
      const answer = [...question.answer].sort().join(",");
      if (answer !== [...items].sort().join(",")) {
        problems.push({ path: "answer", message: `must list every item id exactly once (items: ${[...items].join(", ")})` });
      }
      if (question.checkByRunning && !question.code) problems.push({ path: "code", message: "checkByRunning needs the code whose printed lines are the items" });
      break;
    }
    case "fill_blank": {
      const blanks = question.code.split(BLANK).length - 1;
      if (blanks !== question.answer.length) {
        problems.push({ path: "answer", message: `the code has ${blanks} blank(s) (${BLANK}) but answer lists ${question.answer.length}` });
      }
      break;
    }
    default:
      break;
  }
  return problems;
}

export async function loadContent(root = path.join(process.cwd(), "exercises")): Promise<LoadedContent> {
  const loader = new Loader();
  if (!existsSync(root)) return { courses: [], questions: [], errors: [], warnings: [] };
  for (const folder of (await subfolders(root)).sort()) {
    const courseDirectory = path.join(root, folder);
    if (existsSync(path.join(courseDirectory, "course.json"))) await loader.loadCourse(courseDirectory);
  }
  if (loader.courses.length === 0 && loader.errors.length === 0) {
    loader.warn(root, null, "no course.json found: the catalogue will be empty");
  }
  return { courses: loader.courses, questions: loader.questions, errors: loader.errors, warnings: loader.warnings };
}

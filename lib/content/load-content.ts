/**
 * Loads the course content from exercises/. Like PrairieLearn's loader it
 * never stops at the first problem: every file is read and validated, and all
 * errors come back together with the file they belong to.
 *
 * Layout: exercises/<course>/course.json lists the chapters, and each chapter
 * lists its items as folders relative to the course folder. An item folder
 * holds one of lesson.json, exercise.json or quiz.json.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const ZBilingual = z
  .object({ "zh-CN": z.string().min(1), en: z.string().min(1) })
  .describe("Text for the learner, zh-CN first, then en");

export const ZCourseFileSchema = z.object({
  id: z.uuid().describe("Stable id: never change it, so renames keep students' history"),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: ZBilingual,
  chapters: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string().regex(/^[a-z0-9-]+$/),
      title: ZBilingual,
      items: z.array(z.string().min(1)).describe("Item folders, relative to the course folder"),
    }),
  ),
});

export const ZItemFileSchema = z
  .object({
    id: z.uuid().describe("Stable id: never change it"),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: ZBilingual,
  })
  .loose();

const itemFiles = { "lesson.json": "LESSON", "exercise.json": "EXERCISE", "quiz.json": "QUIZ" } as const;

export type LoadedItem = {
  id: string;
  slug: string;
  kind: (typeof itemFiles)[keyof typeof itemFiles];
  title: z.infer<typeof ZBilingual>;
  directory: string;
  content: Record<string, unknown>;
  contentHash: string;
};
export type LoadedChapter = { id: string; slug: string; title: z.infer<typeof ZBilingual>; items: LoadedItem[]; contentHash: string };
export type LoadedCourse = {
  id: string;
  slug: string;
  title: z.infer<typeof ZBilingual>;
  chapters: LoadedChapter[];
  contentHash: string;
};
export type ContentProblem = { file: string; message: string };
export type LoadedContent = { courses: LoadedCourse[]; errors: ContentProblem[]; warnings: ContentProblem[] };

const hash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(file)"}: ${issue.message}`);
}

/** The parsed file, or undefined after recording why it could not be read. */
async function readJson(file: string, problems: ContentProblem[]): Promise<{ value: unknown } | undefined> {
  try {
    return { value: JSON.parse(await readFile(file, "utf8")) as unknown };
  } catch (error) {
    problems.push({ file, message: error instanceof SyntaxError ? `invalid JSON: ${error.message}` : String(error) });
    return undefined;
  }
}

export async function loadContent(root = path.join(process.cwd(), "exercises")): Promise<LoadedContent> {
  const errors: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const courses: LoadedCourse[] = [];
  if (!existsSync(root)) return { courses, errors, warnings };

  const seenIds = new Map<string, string>();
  const claimId = (id: string, file: string) => {
    const previous = seenIds.get(id);
    if (previous) errors.push({ file, message: `id ${id} is already used by ${previous}` });
    else seenIds.set(id, file);
  };

  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries.filter((candidate) => candidate.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const courseDir = path.join(root, entry.name);
    const courseFile = path.join(courseDir, "course.json");
    if (!existsSync(courseFile)) continue;
    const raw = await readJson(courseFile, errors);
    if (!raw) continue;
    const parsed = ZCourseFileSchema.safeParse(raw.value);
    if (!parsed.success) {
      for (const message of describeZodError(parsed.error)) errors.push({ file: courseFile, message });
      continue;
    }
    claimId(parsed.data.id, courseFile);
    const chapters: LoadedChapter[] = [];
    for (const chapter of parsed.data.chapters) {
      claimId(chapter.id, `${courseFile} (chapter ${chapter.slug})`);
      const items: LoadedItem[] = [];
      for (const itemPath of chapter.items) {
        const item = await loadItem(path.resolve(courseDir, itemPath), errors);
        if (item) {
          claimId(item.id, item.directory);
          items.push(item);
        }
      }
      chapters.push({ ...chapter, items, contentHash: hash({ chapter, items: items.map((item) => item.contentHash) }) });
    }
    const course = { id: parsed.data.id, slug: parsed.data.slug, title: parsed.data.title, chapters };
    courses.push({ ...course, contentHash: hash({ ...course, chapters: chapters.map((chapter) => chapter.contentHash) }) });
  }
  if (courses.length === 0) warnings.push({ file: root, message: "no course.json found: the catalogue will be empty" });
  return { courses, errors, warnings };
}

async function loadItem(directory: string, errors: ContentProblem[]): Promise<LoadedItem | undefined> {
  const present = Object.entries(itemFiles).filter(([file]) => existsSync(path.join(directory, file)));
  if (present.length !== 1) {
    errors.push({
      file: directory,
      message: present.length === 0 ? "holds none of lesson.json, exercise.json, quiz.json" : "holds more than one item file",
    });
    return undefined;
  }
  const [fileName, kind] = present[0]!;
  const file = path.join(directory, fileName);
  const raw = await readJson(file, errors);
  if (!raw) return undefined;
  const parsed = ZItemFileSchema.safeParse(raw.value);
  if (!parsed.success) {
    for (const message of describeZodError(parsed.error)) errors.push({ file, message });
    return undefined;
  }
  const content: Record<string, unknown> = { ...parsed.data };
  // The code an exercise's editor starts with.
  const starterFile = path.join(directory, "starter.py");
  if (kind === "EXERCISE" && existsSync(starterFile)) content.starter = await readFile(starterFile, "utf8");
  return {
    id: parsed.data.id,
    slug: parsed.data.slug,
    kind,
    title: parsed.data.title,
    directory,
    content,
    contentHash: hash(content),
  };
}

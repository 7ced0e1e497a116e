/**
 * JSON Schema for every content file kind, generated from the zod schemas
 * (lib/content/schemas.ts) so editors complete and check the files authors
 * write. `npm run content:schemas` writes them; a unit test fails when the
 * committed files are stale.
 */
import path from "node:path";
import { z } from "zod";
import { ZChapterFile, ZCourseFile, ZExerciseFile, ZLessonFile, ZQuestionBankFile, ZQuizFile, ZSeedsFile } from "./schemas";

export const JSON_SCHEMA_DIRECTORY = path.join("exercises", "schemas");

const schemas = {
  course: ZCourseFile,
  chapter: ZChapterFile,
  seeds: ZSeedsFile,
  lesson: ZLessonFile,
  exercise: ZExerciseFile,
  quiz: ZQuizFile,
  "question-bank": ZQuestionBankFile,
} as const;

/** File name → its text, as written to exercises/schemas/. */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    // "input": fields with defaults (clock, teaches, …) may be left out of the files.
    const jsonSchema = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
    files.set(`${name}.schema.json`, `${JSON.stringify({ ...jsonSchema, title: `Awaitable ${name}` }, null, 2)}\n`);
  }
  return files;
}

/**
 * The real traces in components/timeline/fixtures/ (made by the grader CLI,
 * see regenerate.sh there), parsed with the trace's own schema, for tests.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { ZTrace, type TTrace } from "@/grader/result";

export const FIXTURES = [
  "sequential",
  "gather",
  "semaphore-1000",
  "lock",
  "queue",
  "executor",
  "threads",
  "blocking-sleep",
  "cancel",
  "http",
  "requests-blocking",
  "late-wakeup",
  "truncated",
] as const;
export type FixtureName = (typeof FIXTURES)[number];

const directory = path.join(process.cwd(), "components", "timeline", "fixtures");

export function loadFixture(name: FixtureName): TTrace {
  const plain = path.join(directory, `${name}.json`);
  let text: string;
  try {
    text = readFileSync(plain, "utf8");
  } catch {
    text = gunzipSync(readFileSync(`${plain}.gz`)).toString("utf8");
  }
  return ZTrace.parse(JSON.parse(text));
}

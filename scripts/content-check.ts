// `npm run content:check`: validates exercises/ (every error of every file),
// then proves it in the real grader: reference solutions pass, known-wrong
// solutions fail the test they name with their misconception, starters do
// not pass, quiz keys agree with running their code. Also fails when
// docs/seed-coverage.md is stale or a teaching seed section has nothing.
// Exit status 1 when anything is wrong. Needs root (the sandbox), as npm test.
// `npm run content:check -- <slug> …` grades only those exercises (and no
// quiz keys): for authors at work; npm test always checks everything.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkContentByRunning } from "../lib/content/check-content";
import { formatProblem, loadContent, type ContentProblem } from "../lib/content/load-content";
import { isUncovered, renderSeedCoverage, SEED_COVERAGE_FILE, seedCoverage } from "../lib/content/seed-coverage";

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const root = process.cwd();
const content = await loadContent(path.join(root, "exercises"));

const items = content.courses.flatMap((course) => course.chapters.flatMap((chapter) => chapter.items));
const count = (kind: string) => items.filter((item) => item.kind === kind).length;
console.log(
  `content: ${content.courses.length} course(s), ${count("EXERCISE")} exercise(s), ${count("LESSON")} lesson(s), ` +
    `${count("QUIZ")} quiz(zes), ${content.questions.length} question(s)`,
);

const problems: { section: string; problems: ContentProblem[] }[] = [{ section: "files", problems: content.errors }];

const coverageFile = path.join(root, SEED_COVERAGE_FILE);
const coverage: ContentProblem[] = [];
const expected = renderSeedCoverage(content);
if (!existsSync(coverageFile) || readFileSync(coverageFile, "utf8") !== expected) {
  coverage.push({ file: coverageFile, path: null, message: "is stale: run npm run content:coverage and commit it" });
}
for (const row of seedCoverage(content).filter(isUncovered)) {
  coverage.push({
    file: path.join(root, "exercises", row.course, "seeds.json"),
    path: `seed ${row.seed} §${row.section}`,
    message: `teaching section "${row.title}" has no item or question (reference it, or mark it teaches: false)`,
  });
}
problems.push({ section: "seed coverage", problems: coverage });

const concurrency = Number(process.env.GRADER_CONCURRENCY ?? "") || os.availableParallelism();
const slugs = process.argv.slice(2);
const only = slugs.length > 0 ? new Set(slugs) : undefined;
const unknown = slugs.filter((slug) => !items.some((item) => item.kind === "EXERCISE" && item.slug === slug));
if (unknown.length > 0) {
  console.error(`content:check: no exercise ${unknown.join(", ")}`);
  process.exit(2);
}
let lastShown = 0;
const report = await checkContentByRunning(content, {
  concurrency,
  only,
  onJobDone: (done, total) => {
    // A progress line every ~10 %, so a long check shows it is alive without flooding CI logs.
    if (process.stdout.isTTY) process.stdout.write(`\r  grading ${done}/${total}…`);
    else if (done === total || done - lastShown >= Math.max(10, Math.ceil(total / 10))) {
      lastShown = done;
      console.log(`  grading ${done}/${total}`);
    }
  },
});
if (process.stdout.isTTY) process.stdout.write("\n");
const { tally } = report;
const specific = tally.wrongMessages.exercise + tally.wrongMessages.observed;
console.log(
  `solutions: ${tally.reference} reference, ${tally.correct} alternative correct, ${tally.wrong} known-wrong; ` +
    `known-wrong with a specific message: ${specific}/${tally.wrong} ` +
    `(${tally.wrongMessages.exercise} the exercise's own, ${tally.wrongMessages.observed} an observed cause, ` +
    `${tally.wrongMessages.measured} only measured)`,
);
problems.push({ section: "running in the grader", problems: report.problems });

for (const warning of content.warnings) console.log(`⚠ ${formatProblem(warning, root)}`);
const total = problems.reduce((sum, group) => sum + group.problems.length, 0);
for (const group of problems) {
  if (group.problems.length === 0) continue;
  console.log(`\n✗ ${group.section} (${group.problems.length})`);
  for (const problem of group.problems) console.log(`  ${formatProblem(problem, root)}`);
}
console.log(
  `\ncontent:check: ${total === 0 ? "✓ all good" : `✗ ${total} problem(s)`} — ${report.runs} grader run(s) on ${concurrency} core(s), ` +
    `${content.warnings.length} warning(s), ${seconds()} s`,
);
process.exitCode = total === 0 ? 0 : 1;

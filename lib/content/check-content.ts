/**
 * Proves the content by running it in the real grader (sandboxed): every
 * reference solution passes, every known-wrong solution fails the test it
 * names with the misconception it names, no starter passes, and every quiz
 * key that can be checked by running ("what does this print", "how long",
 * ordering of printed lines, filled-in blanks) agrees with the program.
 */
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runHarness, type GradingMaterial } from "../../grader/run-harness";
import type { TGradingResult } from "../../grader/result";
import { fillBlanks, normalizeOutput, type ContentProblem, type LoadedContent, type LoadedExerciseItem, type LoadedQuestion } from "./load-content";
import type { TQuestion } from "./schemas";

type Job = { file: string; path: string | null; describe: string; run: () => Promise<string[]> };

/** How many solutions were graded, and where the known-wrong ones' messages came from (grader/CONTRACT.md, messageKind). */
export type SolutionTally = {
  reference: number;
  correct: number;
  wrong: number;
  wrongMessages: { exercise: number; observed: number; measured: number };
};

export type CheckRunsReport = { problems: ContentProblem[]; runs: number; tally: SolutionTally };

const summary = (result: TGradingResult) => {
  const tests = result.tests.map((test) => `${test.id}=${test.status}${test.misconception ? `(${test.misconception})` : ""}`).join(" ");
  const error = result.error ? `; error ${result.error.type}: ${result.error.message.split("\n")[0]}` : "";
  return `${result.verdict}${tests ? ` [${tests}]` : ""}${error}`;
};

/** What a grading of the item needs (the same material the sync writes for the worker). */
function harnessExercise(item: LoadedExerciseItem): GradingMaterial {
  return { id: item.id, slug: item.slug, settings: item.definition, tests: item.grading.tests, scenarios: item.grading.scenarios };
}

/**
 * A CPU judgement that does not clear its threshold four times over on
 * either side could come out the other way on a machine four times faster
 * or slower: the content must make CPU work clearly small or clearly large
 * (grader/CONTRACT.md, "CPU time").
 */
export const CPU_MARGIN = 4;

export function cpuMarginProblems(file: string, result: TGradingResult): string[] {
  const work = result.cpuWork;
  if (!work) return [];
  const problems: string[] = [];
  if (work.quietWork * CPU_MARGIN > work.threshold) {
    problems.push(
      `${file}: a step did ${work.quietWork} units of CPU work, not ${CPU_MARGIN}× below the blocking threshold (${work.threshold}): ` +
        "on a slower machine it could count as blocking the loop; make it lighter",
    );
  }
  if (work.blockingWork !== null && work.blockingWork < work.threshold * CPU_MARGIN) {
    problems.push(
      `${file}: a CPU stretch did ${work.blockingWork} units of work, not ${CPU_MARGIN}× above the blocking threshold (${work.threshold}): ` +
        "on a faster machine it could pass for a short step; make the CPU work larger",
    );
  }
  return problems;
}

function exerciseJobs(item: LoadedExerciseItem, tally: SolutionTally): Job[] {
  const exercise = harnessExercise(item);
  const grade = (file: string) => runHarness({ mode: "grade", submissionPath: path.join(item.directory, file), exercise });
  /** A solution that must pass every test (the reference, or another correct one). */
  const mustPass = (solution: string, jobFile: string, jobPath: string | null, what: string): Job => ({
    file: jobFile,
    path: jobPath,
    describe: `${item.slug}: ${solution}`,
    run: async () => {
      const result = await grade(solution);
      const problems = result.verdict === "PASSED" ? [] : [`${what} must pass every test; got ${summary(result)}`];
      return [...problems, ...cpuMarginProblems(solution, result)];
    },
  });
  const jobs: Job[] = [
    mustPass("solution.py", path.join(item.directory, "solution.py"), null, "the reference solution"),
    {
      file: path.join(item.directory, "starter.py"),
      path: null,
      describe: `${item.slug}: starter.py`,
      run: async () => {
        const result = await grade("starter.py");
        if (result.verdict === "GRADER_ERROR") return [`the starter could not be graded: ${summary(result)}`];
        const problems = result.verdict === "PASSED" ? ["the starter already passes every test: there is nothing left to do"] : [];
        return [...problems, ...cpuMarginProblems("starter.py", result)];
      },
    },
  ];
  tally.reference += 1;
  for (const [index, correct] of item.definition.correctSolutions.entries()) {
    tally.correct += 1;
    jobs.push(mustPass(correct.file, item.file, `correctSolutions.${index}`, `${correct.file} is correct and`));
  }
  for (const [index, wrong] of item.definition.wrongSolutions.entries()) {
    tally.wrong += 1;
    jobs.push({
      file: item.file,
      path: `wrongSolutions.${index}`,
      describe: `${item.slug}: ${wrong.file}`,
      run: async () => {
        const result = await grade(wrong.file);
        const problems: string[] = [];
        const named = result.tests.find((test) => test.id === wrong.failsTest);
        if (result.verdict === "PASSED") {
          problems.push(`${wrong.file} passes every test: the tests cannot tell it from the reference solution`);
        } else if (result.verdict === "GRADER_ERROR") {
          problems.push(`${wrong.file} could not be graded: ${summary(result)}`);
        } else if (!named) {
          problems.push(`${wrong.file}: the result has no test "${wrong.failsTest}"; got ${summary(result)}`);
        } else if (named.status !== "failed" && named.status !== "error") {
          problems.push(`${wrong.file} must fail test "${wrong.failsTest}" but it is ${named.status}; got ${summary(result)}`);
        } else if (named.misconception !== wrong.misconception) {
          problems.push(
            `${wrong.file} fails "${wrong.failsTest}" with misconception ${named.misconception ?? "(none)"}, ` +
              `not the declared ${wrong.misconception}; got ${summary(result)}`,
          );
        } else if (named.messageKind) {
          tally.wrongMessages[named.messageKind] += 1;
          if (named.messageKind === "measured") {
            problems.push(
              `${wrong.file} fails "${wrong.failsTest}" with a message that only compares measurements (${named.message?.en}): ` +
                "give the test a message of this exercise's own (t.fail) that names the mistake",
            );
          }
        }
        return [...problems, ...cpuMarginProblems(wrong.file, result)];
      },
    });
  }
  return jobs;
}

/** The line of stdout an ordering item stands for (its text without markdown code quotes). */
const itemLine = (text: string) => text.trim().replace(/^`+|`+$/g, "").trim();

function questionJob(question: LoadedQuestion, scratch: string): Job | null {
  const key = question.question;
  const code = runnableCode(key);
  if (code === null) return null;
  const where = `questions.${question.index}`;
  return {
    file: question.file,
    path: where,
    describe: `${path.basename(question.file)} ${where} (${key.kind})`,
    run: async () => {
      const directory = path.join(scratch, key.id);
      await mkdir(directory, { recursive: true });
      const submissionPath = path.join(directory, "question.py");
      await writeFile(submissionPath, code);
      const result = await runHarness({ mode: "run", submissionPath, clock: "virtual" });
      if (result.verdict === "GRADER_ERROR") return [`the code could not be run: ${summary(result)}`];
      const stdout = normalizeOutput(result.stdout);
      const shown = (text: string) => JSON.stringify(text);
      switch (key.kind) {
        case "predict_output":
          return stdout === normalizeOutput(key.answer)
            ? []
            : [`answer ${shown(normalizeOutput(key.answer))} but the code prints ${shown(stdout)} (${result.verdict})`];
        case "predict_duration": {
          const elapsed = result.elapsed;
          if (elapsed === null) return [`the run measured no duration (${summary(result)})`];
          return Math.abs(elapsed - key.answer) <= key.tolerance
            ? []
            : [`answer ${key.answer} s (± ${key.tolerance}) but the code takes ${elapsed} s on the virtual clock (${result.verdict})`];
        }
        case "ordering": {
          const lines = stdout.split("\n").map((line) => line.trim());
          const positions = key.items.map((item) => {
            const candidates = [itemLine(item.text["zh-CN"]), itemLine(item.text.en)];
            return { id: item.id, position: lines.findIndex((line) => candidates.includes(line)), text: candidates[0] };
          });
          const missing = positions.filter((item) => item.position < 0);
          if (missing.length > 0) {
            return missing.map((item) => `item ${item.id} ${shown(item.text ?? "")} is not a line the code prints (it prints ${shown(stdout)})`);
          }
          const printed = [...positions].sort((a, b) => a.position - b.position).map((item) => item.id);
          return printed.join(",") === key.answer.join(",")
            ? []
            : [`answer order ${key.answer.join(" → ")} but the code prints them in the order ${printed.join(" → ")}`];
        }
        case "fill_blank":
          return key.expectOutput === undefined || stdout === normalizeOutput(key.expectOutput)
            ? []
            : [`with the first accepted answers filled in, the code prints ${shown(stdout)}, not expectOutput ${shown(normalizeOutput(key.expectOutput))} (${result.verdict})`];
        default:
          return [];
      }
    },
  };
}

/** The program whose run checks a question's key, or null when running cannot check it. */
function runnableCode(question: TQuestion): string | null {
  switch (question.kind) {
    case "predict_output":
    case "predict_duration":
      return question.code;
    case "ordering":
      return question.checkByRunning && question.code ? question.code : null;
    case "fill_blank":
      return question.expectOutput === undefined ? null : fillBlanks(question.code, question.answer);
    default:
      return null;
  }
}

/** Runs every check, `concurrency` at a time; a job that throws is a problem, not a crash. */
export async function checkContentByRunning(
  content: LoadedContent,
  options: { concurrency: number; onJobDone?: (done: number, total: number) => void; only?: ReadonlySet<string> },
): Promise<CheckRunsReport> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "awaitable-content-check-"));
  try {
    const jobs: Job[] = [];
    const tally: SolutionTally = { reference: 0, correct: 0, wrong: 0, wrongMessages: { exercise: 0, observed: 0, measured: 0 } };
    for (const course of content.courses) {
      for (const chapter of course.chapters) {
        for (const item of chapter.items) {
          if (item.kind === "EXERCISE" && (!options.only || options.only.has(item.slug))) jobs.push(...exerciseJobs(item, tally));
        }
      }
    }
    for (const question of options.only ? [] : content.questions) {
      const job = questionJob(question, scratch);
      if (job) jobs.push(job);
    }
    const problems: ContentProblem[][] = jobs.map(() => []);
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (let index = next++; index < jobs.length; index = next++) {
        const job = jobs[index]!;
        let messages: string[];
        try {
          messages = await job.run();
        } catch (error) {
          messages = [`${job.describe}: the grader failed: ${error instanceof Error ? error.message : String(error)}`];
        }
        problems[index] = messages.map((message) => ({ file: job.file, path: job.path, message }));
        options.onJobDone?.(++done, jobs.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, worker));
    return { problems: problems.flat(), runs: jobs.length, tally };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Grade locally, the way a student or teacher would:
 *
 *   npm run -s grader -- run FILE.py [--exercise EXERCISE_ID_OR_SLUG] [--clock virtual|wall] [--cpu free|charged] [--json]
 *   npm run -s grader -- grade EXERCISE_ID_OR_SLUG FILE.py [--json]
 *
 * With --json it prints the result document (grader/CONTRACT.md); without,
 * a readable report: a table of tests and a small text timeline.
 * Like the worker, it runs student code in the sandbox; only
 * AWAITABLE_UNSANDBOXED=1 (local development) runs it without one.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { TGradingResult, TTrace } from "./result";
import { GraderUsageError, loadExercise, runHarness, type HarnessJob } from "./run-harness";

const USAGE = `Usage:
  npm run -s grader -- run FILE.py [--exercise EXERCISE_ID_OR_SLUG] [--clock virtual|wall] [--cpu free|charged] [--json]
  npm run -s grader -- grade EXERCISE_ID_OR_SLUG FILE.py [--json]`;

export type CliCommand = { job: HarnessJob; json: boolean };

export async function parseArguments(argv: string[]): Promise<CliCommand> {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? "";
    if (argument === "--json") flags.set("json", true);
    else if (argument === "--clock" || argument === "--cpu" || argument === "--exercise") {
      const value = argv[index + 1];
      if (!value) throw new GraderUsageError(`${argument} needs a value\n${USAGE}`);
      flags.set(argument.slice(2), value);
      index += 1;
    } else if (argument.startsWith("--")) throw new GraderUsageError(`Unknown option ${argument}\n${USAGE}`);
    else positional.push(argument);
  }
  const clock = flags.get("clock");
  if (clock !== undefined && clock !== "virtual" && clock !== "wall") throw new GraderUsageError(`--clock must be virtual or wall`);
  const cpu = flags.get("cpu");
  if (cpu !== undefined && cpu !== "free" && cpu !== "charged") throw new GraderUsageError(`--cpu must be free or charged`);
  const [command, ...rest] = positional;
  const json = flags.get("json") === true;
  const requireFile = (file: string | undefined) => {
    if (!file) throw new GraderUsageError(USAGE);
    if (!existsSync(file)) throw new GraderUsageError(`No such file: ${file}`);
    return file;
  };
  const exerciseFlag = flags.get("exercise");
  if (command === "run" && rest.length === 1) {
    // With --exercise, the program runs as the editor's Run does: with that exercise's clock, limits and fake I/O.
    const exercise = typeof exerciseFlag === "string" ? await loadExercise(exerciseFlag) : undefined;
    const submissionPath = requireFile(rest[0]);
    return {
      json,
      job: { mode: "run", submissionPath, ...(exercise ? { exercise } : {}), clock: clock as "virtual" | "wall" | undefined, cpu: cpu as "free" | "charged" | undefined },
    };
  }
  if (exerciseFlag !== undefined) throw new GraderUsageError(`--exercise goes with run\n${USAGE}`);
  if (command === "grade" && rest.length === 2) {
    const exercise = await loadExercise(rest[0] ?? "");
    return {
      json,
      job: { mode: "grade", submissionPath: requireFile(rest[1]), exercise, clock: clock as "virtual" | "wall" | undefined, cpu: cpu as "free" | "charged" | undefined },
    };
  }
  throw new GraderUsageError(USAGE);
}

// ----- the readable report ---------------------------------------------------------------------

type Paint = (code: string, text: string) => string;

function painter(enabled: boolean): Paint {
  return (code, text) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
}

const VERDICT_COLOURS: Record<string, string> = { PASSED: "1;32", FAILED: "1;31", GRADER_ERROR: "1;35" };

function width(text: string): number {
  // CJK characters take two columns in a terminal.
  let columns = 0;
  for (const character of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return columns;
}

function pad(text: string, columns: number): string {
  return text + " ".repeat(Math.max(0, columns - width(text)));
}

function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${Number(value.toFixed(3))} s`;
}

export function renderTimeline(trace: TTrace, paint: Paint, columns = 48, maxRows = 12): string[] {
  const elapsed = Math.max(trace.elapsed, ...trace.tasks.map((task) => task.ended ?? 0), 1e-9);
  const scale = (time: number) => Math.min(columns - 1, Math.floor((time / elapsed) * (columns - 1) + 1e-9));
  const rows: string[] = [];
  const labelWidth = 22;
  rows.push(`${pad("", labelWidth)} ${pad("0", columns - 8)}${seconds(elapsed).padStart(8)}`);
  const shown = trace.tasks.slice(0, maxRows);
  for (const task of shown) {
    const cells = Array.from({ length: columns }, () => " ");
    const start = scale(task.started ?? task.created);
    const end = scale(task.ended ?? elapsed);
    for (let column = start; column <= end; column += 1) cells[column] = "─";
    for (const blocking of trace.blocking.filter((entry) => entry.task === task.id)) {
      for (let column = scale(blocking.t); column <= scale(blocking.end); column += 1) cells[column] = paint("31", "█");
    }
    cells[start] = "●";
    cells[end] = task.outcome === "result" ? "●" : task.outcome === "cancelled" ? "×" : task.outcome === "exception" ? paint("31", "!") : "…";
    const label = task.label.length > labelWidth ? `${task.label.slice(0, labelWidth - 1)}…` : task.label;
    rows.push(`${pad(label, labelWidth)} ${cells.join("")}`);
  }
  if (trace.tasks.length > shown.length) rows.push(paint("2", `… ${trace.tasks.length - shown.length} more tasks / 还有 ${trace.tasks.length - shown.length} 个任务`));
  for (const thread of trace.threads.slice(0, 4)) {
    const cells = Array.from({ length: columns }, () => " ");
    for (let column = scale(thread.started); column <= scale(thread.ended ?? elapsed); column += 1) cells[column] = "═";
    rows.push(`${pad(`[thread] ${thread.name}`.slice(0, labelWidth), labelWidth)} ${cells.join("")}`);
  }
  const legend = `● start/end  ─ alive  ${paint("31", "█")} blocking call  × cancelled  ! exception  ═ thread   peak in flight: ${trace.peakInFlight}`;
  rows.push(paint("2", legend));
  return rows;
}

export function renderReport(result: TGradingResult, colour: boolean): string {
  const paint = painter(colour);
  const lines: string[] = [];
  const verdictColour = VERDICT_COLOURS[result.verdict] ?? "1;33";
  const score = result.score === null ? "" : `   score ${Math.round(result.score * 100)}%`;
  lines.push(`${paint(verdictColour, result.verdict)}${score}   ${result.clock} clock   elapsed ${seconds(result.elapsed)}${result.exercise ? `   exercise ${result.exercise.slug}` : ""}`);
  if (result.message) {
    lines.push(`  ${result.message["zh-CN"]}`);
    lines.push(`  ${paint("2", result.message.en)}`);
  }
  if (result.tests.length > 0) {
    lines.push("");
    const statusColour: Record<string, string> = { passed: "32", failed: "31", error: "33", skipped: "2" };
    lines.push(paint("1", `${pad("test", 28)} ${pad("status", 8)} ${pad("weight", 7)} duration`));
    for (const test of result.tests) {
      lines.push(`${pad(test.id, 28)} ${paint(statusColour[test.status] ?? "0", pad(test.status, 8))} ${pad(String(test.weight), 7)} ${seconds(test.duration)}`);
      lines.push(`  ${test.name["zh-CN"]} / ${paint("2", test.name.en)}`);
      if (test.message) {
        lines.push(`  ${paint(statusColour[test.status] ?? "0", "→")} ${test.message["zh-CN"]}`);
        lines.push(`    ${paint("2", test.message.en)}`);
      }
    }
  }
  if (result.error?.traceback) {
    lines.push("", paint("1", "error / 错误"), result.error.traceback.trimEnd());
  }
  if (result.trace && result.trace.tasks.length + result.trace.threads.length > 0) {
    lines.push("", paint("1", "timeline / 时间线"), ...renderTimeline(result.trace, paint));
  }
  if (result.mode === "run") {
    lines.push("", paint("1", "stdout"), result.stdout.trimEnd() || paint("2", "(empty)"));
    if (result.stderr.trim()) lines.push(paint("1", "stderr"), result.stderr.trimEnd());
  }
  const total = result.timings.wallMs;
  if (total !== undefined) lines.push("", paint("2", `graded in ${total} ms of real time`));
  return `${lines.join("\n")}\n`;
}

export async function executeCommand(argv: string[]): Promise<{ result: TGradingResult; json: boolean }> {
  const command = await parseArguments(argv);
  const result = await runHarness(command.job);
  return { result, json: command.json };
}

async function main(): Promise<void> {
  try {
    const { result, json } = await executeCommand(process.argv.slice(2));
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : renderReport(result, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  } catch (error) {
    if (error instanceof GraderUsageError || (error instanceof Error && error.name === "SandboxUnavailableError")) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly || fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}

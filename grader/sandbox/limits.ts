/**
 * The limits of one run, from grader/contract.json (their one source). Every
 * exercise may tighten or loosen them (exercise.json `limits`); the defaults
 * are safe for any submission. grader/CONTRACT.md, "Limits".
 */
import { z } from "zod";
import { CONTRACT, type LimitName } from "../contract";

function limit(name: LimitName) {
  const spec = CONTRACT.limits[name];
  const number = spec.integer ? z.number().int() : z.number();
  return number.min(spec.min).max(spec.max).describe(spec.describe);
}

export const ZLimits = z.object({
  cpuSeconds: limit("cpuSeconds"),
  wallSeconds: limit("wallSeconds"),
  memoryMb: limit("memoryMb"),
  processes: limit("processes"),
  fileSizeMb: limit("fileSizeMb"),
  openFiles: limit("openFiles"),
  outputKb: limit("outputKb"),
  tmpMb: limit("tmpMb"),
  virtualSeconds: limit("virtualSeconds"),
});
export type TLimits = z.infer<typeof ZLimits>;

export const DEFAULT_LIMITS: TLimits = Object.fromEntries(
  Object.entries(CONTRACT.limits).map(([name, spec]) => [name, spec.default]),
) as TLimits;

/** What the sandbox itself enforces (the virtual clock's limit is the judge's). */
export const ZSandboxLimits = ZLimits.omit({ virtualSeconds: true });
export type TSandboxLimits = z.infer<typeof ZSandboxLimits>;
export const { virtualSeconds: _virtualSeconds, ...DEFAULT_SANDBOX_LIMITS } = DEFAULT_LIMITS;

/** Which limit stopped a run. */
export type StoppedBy = "cpu" | "wall" | "memory" | "processes" | "fileSize" | "output";

/** What the learner reads when a limit stopped the run. */
export function describeLimit(stoppedBy: StoppedBy, limits: TSandboxLimits): { "zh-CN": string; en: string } {
  switch (stoppedBy) {
    case "cpu":
      return {
        "zh-CN": `程序用完了 ${limits.cpuSeconds} 秒 CPU 时间,被终止了。是不是有死循环,或者忙等(反复检查时间而不 await)?`,
        en: `Your program used up its ${limits.cpuSeconds} s of CPU time and was stopped. Is there an endless loop, or a busy wait (checking the time again and again without awaiting)?`,
      };
    case "wall":
      return {
        "zh-CN": `程序运行超过 ${limits.wallSeconds} 秒(真实时间),被终止了。它可能在等待永远不会发生的事情。`,
        en: `Your program ran for more than ${limits.wallSeconds} s of real time and was stopped. It may be waiting for something that never happens.`,
      };
    case "memory":
      return {
        "zh-CN": `程序(连同它启动的所有进程)使用的内存超过了 ${limits.memoryMb} MB,被终止了。`,
        en: `Your program (with every process it started) used more than ${limits.memoryMb} MB of memory and was stopped.`,
      };
    case "processes":
      return {
        "zh-CN": `程序创建的进程和线程超过了 ${limits.processes} 个,被终止了。并发任务请用 asyncio 任务,而不是无限地创建线程或进程。`,
        en: `Your program created more than ${limits.processes} processes and threads together and was stopped. Use asyncio tasks for concurrency, not an unbounded number of threads or processes.`,
      };
    case "fileSize":
      return {
        "zh-CN": `程序写入的文件超过了 ${limits.fileSizeMb} MB,被终止了。`,
        en: `Your program wrote a file larger than ${limits.fileSizeMb} MB and was stopped.`,
      };
    case "output":
      return {
        "zh-CN": `程序输出超过了 ${limits.outputKb} KB,被终止了。是不是在循环里打印太多?`,
        en: `Your program printed more than ${limits.outputKb} KB and was stopped. Is it printing inside a loop?`,
      };
  }
}

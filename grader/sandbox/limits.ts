/**
 * The limits of one sandboxed run. Every exercise may tighten or loosen them
 * (exercise.json `limits`); these defaults are safe for any submission.
 */
import { z } from "zod";

export const ZSandboxLimits = z.object({
  cpuSeconds: z.number().int().min(1).max(120).describe("CPU seconds of each process (RLIMIT_CPU)"),
  wallSeconds: z.number().min(1).max(300).describe("Real seconds before the whole run is killed"),
  memoryMb: z.number().int().min(32).max(8192).describe("Total memory of all processes of the run (cgroup)"),
  processes: z.number().int().min(8).max(1024).describe("Processes and threads of the run together (cgroup pids)"),
  fileSizeMb: z.number().int().min(1).max(1024).describe("Largest file the program may write (RLIMIT_FSIZE)"),
  openFiles: z.number().int().min(32).max(4096).describe("Open file descriptors per process (RLIMIT_NOFILE)"),
  outputKb: z.number().int().min(1).max(65536).describe("stdout and stderr together, before the run is stopped"),
  tmpMb: z.number().int().min(1).max(1024).describe("Size of the private /tmp"),
});
export type TSandboxLimits = z.infer<typeof ZSandboxLimits>;

export const DEFAULT_SANDBOX_LIMITS: TSandboxLimits = {
  cpuSeconds: 10,
  wallSeconds: 20,
  memoryMb: 512,
  processes: 128,
  fileSizeMb: 16,
  openFiles: 256,
  outputKb: 1024,
  tmpMb: 32,
};

export type LimitName = "cpu" | "wall" | "memory" | "processes" | "fileSize" | "output";

/** What the learner reads when a limit stopped the run. */
export function describeLimit(limit: LimitName, limits: TSandboxLimits): { "zh-CN": string; en: string } {
  switch (limit) {
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

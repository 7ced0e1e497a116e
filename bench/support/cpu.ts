/**
 * CPU use from /proc (Linux): the whole machine's, and that of one process
 * and its descendants (a stack: web app, worker, sandboxes) per command, so
 * that a bench can say where the cores went and how much other work on the
 * machine took.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

export type CpuSample = { at: number; machineBusy: number; machineTotal: number; byCommand: Map<string, number> };

function readProcesses() {
  const processes: { pid: number; parent: number; command: string; ticks: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    // After "(command) ": state ppid … utime (12th) stime (13th), own CPU only.
    processes.push({ pid: Number(entry), parent: Number(fields[1]), command: stat.slice(stat.indexOf("(") + 1, close), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return processes;
}

/** The CPU ticks of `root` and its descendants alive now, summed per command name. */
function treeTicks(root: number | undefined): Map<string, number> {
  const byCommand = new Map<string, number>();
  if (root === undefined) return byCommand;
  const processes = readProcesses();
  const inTree = new Set([root]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const process of processes) {
      if (!inTree.has(process.pid) && inTree.has(process.parent)) {
        inTree.add(process.pid);
        grown = true;
      }
    }
  }
  for (const process of processes) if (inTree.has(process.pid)) byCommand.set(process.command, (byCommand.get(process.command) ?? 0) + process.ticks);
  return byCommand;
}

export function sampleCpu(root: number | undefined): CpuSample {
  const ticks = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { at: performance.now(), machineBusy: total - idle, machineTotal: total, byCommand: treeTicks(root) };
}

/** Cores in use between two samples (1 = one core all the time): the machine's, and per command of the tree (short-lived processes are missed). */
export function cpuBetween(before: CpuSample, after: CpuSample) {
  const seconds = (after.at - before.at) / 1000;
  const machineCores = ((after.machineBusy - before.machineBusy) / Math.max(1, after.machineTotal - before.machineTotal)) * availableParallelism();
  const byCommand = [...after.byCommand]
    .map(([command, ticks]) => [command, (ticks - (before.byCommand.get(command) ?? 0)) / TICKS_PER_SECOND / seconds] as const)
    .filter(([, cores]) => cores >= 0.01)
    .sort((a, b) => b[1] - a[1]);
  return { machineCores, byCommand };
}

export const describeCpu = ({ machineCores, byCommand }: ReturnType<typeof cpuBetween>) =>
  `machine ${machineCores.toFixed(2)} of ${availableParallelism()} cores busy; the stack: ${byCommand.map(([command, cores]) => `${command} ${cores.toFixed(2)}`).join(", ")}`;

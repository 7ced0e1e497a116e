/**
 * Control groups cap what a whole run may use, across all of its processes:
 * total memory (a per-process address-space limit does not cap the total)
 * and the number of processes and threads. One group per sandbox slot,
 * created once and reused (creating one per run costs 15-20 ms).
 *
 * Both hierarchies are supported: cgroup v1 with separate `memory` and `pids`
 * controllers (what these machines expose) and the unified cgroup v2.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rmdir } from "node:fs/promises";
import path from "node:path";

export type CgroupUsage = {
  oomKilled: boolean;
  pidsLimitHit: boolean;
  peakMemoryBytes: number | null;
};

export interface SlotCgroup {
  /** Files a process writes its own pid to, to join the group. */
  readonly procsFiles: string[];
  /** Sets the limits and resets the counters for the next run. */
  prepare(limits: { memoryBytes: number; processes: number }): Promise<void>;
  /** What happened since prepare(). */
  usage(): Promise<CgroupUsage>;
  /** SIGKILLs every process in the group until it is empty; returns how many were killed. */
  killAll(): Promise<number>;
  remove(): Promise<void>;
}

const V1_ROOT = "/sys/fs/cgroup";

async function readText(file: string): Promise<string> {
  return (await readFile(file, "utf8")).trim();
}

// The control files below live in the kernel's memory and answer at once:
// read and written synchronously, a run's dozen of them cost microseconds
// instead of a thread-pool round trip each.
function readControl(file: string): string {
  return readFileSync(file, "utf8").trim();
}

function writeControl(file: string, value: string, { optional = false } = {}) {
  try {
    writeFileSync(file, value);
  } catch (error) {
    if (!optional) throw error;
  }
}

function readPids(file: string): number[] {
  let text = "";
  try {
    text = readControl(file);
  } catch {
    return [];
  }
  return text ? text.split("\n").map(Number).filter((pid) => pid > 0) : [];
}

function keyedCounter(text: string, key: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${key} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

async function killPids(procsFiles: string[]): Promise<number> {
  let killed = 0;
  // Processes may fork while we kill: repeat until the group stays empty.
  for (let round = 0; round < 50; round += 1) {
    const pids = procsFiles.flatMap(readPids);
    if (pids.length === 0) return killed;
    for (const pid of new Set(pids)) {
      try {
        process.kill(pid, "SIGKILL");
        killed += 1;
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, round < 5 ? 2 : 20));
  }
  throw new Error(`processes survive SIGKILL in ${procsFiles.join(", ")}`);
}

/** The path of our own process in a v1 controller, so slots nest under it. */
async function ownV1Path(controller: string): Promise<string> {
  const lines = (await readText("/proc/self/cgroup")).split("\n");
  for (const line of lines) {
    const [, controllers, groupPath] = line.split(":");
    if (controllers?.split(",").includes(controller)) return groupPath ?? "/";
  }
  return "/";
}

/**
 * The counters both hierarchies keep, in files of their own names: OOM kills
 * (`oom_kill` in the memory events file), pids-limit hits (`max` in
 * pids.events) and peak memory. usage() compares them with prepare()'s.
 */
type CounterFiles = { memoryEvents: string; pidsEvents: string; peak: string };

abstract class CountingSlotCgroup {
  private oomKillsBefore = 0;
  private pidsMaxEventsBefore = 0;

  protected abstract readonly counterFiles: CounterFiles;
  /** The limits last written: a slot mostly runs one exercise after another with the same ones. */
  protected written = { memoryBytes: -1, processes: -1 };

  private counters() {
    const { memoryEvents, pidsEvents, peak } = this.counterFiles;
    let peakText = "NaN";
    try {
      peakText = readControl(peak);
    } catch {
      // not kept by this kernel
    }
    return {
      oomKills: keyedCounter(readControl(memoryEvents), "oom_kill"),
      pidsMaxEvents: keyedCounter(readControl(pidsEvents), "max"),
      peakBytes: Number(peakText),
    };
  }

  protected rememberCounters() {
    const { oomKills, pidsMaxEvents } = this.counters();
    this.oomKillsBefore = oomKills;
    this.pidsMaxEventsBefore = pidsMaxEvents;
  }

  async usage(): Promise<CgroupUsage> {
    const { oomKills, pidsMaxEvents, peakBytes } = this.counters();
    return {
      oomKilled: oomKills > this.oomKillsBefore,
      pidsLimitHit: pidsMaxEvents > this.pidsMaxEventsBefore,
      peakMemoryBytes: Number.isFinite(peakBytes) ? peakBytes : null,
    };
  }
}

class V1SlotCgroup extends CountingSlotCgroup implements SlotCgroup {
  readonly procsFiles: string[];
  protected readonly counterFiles: CounterFiles;

  constructor(
    private readonly memoryDir: string,
    private readonly pidsDir: string,
  ) {
    super();
    this.procsFiles = [path.join(memoryDir, "cgroup.procs"), path.join(pidsDir, "cgroup.procs")];
    this.counterFiles = {
      memoryEvents: path.join(memoryDir, "memory.oom_control"),
      pidsEvents: path.join(pidsDir, "pids.events"),
      peak: path.join(memoryDir, "memory.max_usage_in_bytes"),
    };
  }

  async prepare(limits: { memoryBytes: number; processes: number }) {
    const memory = (file: string) => path.join(this.memoryDir, file);
    if (limits.memoryBytes !== this.written.memoryBytes) {
      const swapFile = memory("memory.memsw.limit_in_bytes");
      const hasSwapAccounting = existsSync(swapFile);
      // memsw must stay >= the memory limit: raise it first, lower it last.
      if (hasSwapAccounting) writeControl(swapFile, "-1", { optional: true });
      writeControl(memory("memory.limit_in_bytes"), String(limits.memoryBytes));
      if (hasSwapAccounting) writeControl(swapFile, String(limits.memoryBytes));
    }
    writeControl(memory("memory.max_usage_in_bytes"), "0", { optional: true });
    writeControl(memory("memory.failcnt"), "0", { optional: true });
    if (limits.processes !== this.written.processes) writeControl(path.join(this.pidsDir, "pids.max"), String(limits.processes));
    this.written = { ...limits };
    this.rememberCounters();
  }

  killAll() {
    return killPids(this.procsFiles);
  }

  async remove() {
    await this.killAll();
    await rmdir(this.memoryDir).catch(() => undefined);
    await rmdir(this.pidsDir).catch(() => undefined);
  }
}

class V2SlotCgroup extends CountingSlotCgroup implements SlotCgroup {
  readonly procsFiles: string[];
  protected readonly counterFiles: CounterFiles;

  constructor(private readonly dir: string) {
    super();
    this.procsFiles = [path.join(dir, "cgroup.procs")];
    this.counterFiles = {
      memoryEvents: path.join(dir, "memory.events"),
      pidsEvents: path.join(dir, "pids.events"),
      peak: path.join(dir, "memory.peak"),
    };
  }

  async prepare(limits: { memoryBytes: number; processes: number }) {
    if (limits.memoryBytes !== this.written.memoryBytes) {
      writeControl(path.join(this.dir, "memory.max"), String(limits.memoryBytes));
      writeControl(path.join(this.dir, "memory.swap.max"), "0", { optional: true });
    }
    if (limits.processes !== this.written.processes) writeControl(path.join(this.dir, "pids.max"), String(limits.processes));
    writeControl(path.join(this.dir, "memory.peak"), "0", { optional: true });
    this.written = { ...limits };
    this.rememberCounters();
  }

  async killAll() {
    // cgroup.kill (Linux 5.14+) kills the whole group atomically, forks included.
    writeControl(path.join(this.dir, "cgroup.kill"), "1", { optional: true });
    return killPids(this.procsFiles);
  }

  async remove() {
    await this.killAll();
    await rmdir(this.dir).catch(() => undefined);
  }
}

export type CgroupMode = "v1" | "v2";

export async function detectCgroups(): Promise<{ mode: CgroupMode; base: string } | { mode: null; problem: string }> {
  const unifiedControllers = path.join(V1_ROOT, "cgroup.controllers");
  if (existsSync(unifiedControllers)) {
    const own = (await readText("/proc/self/cgroup")).split("\n").find((line) => line.startsWith("0::"));
    const ownPath = own?.slice(3) || "/";
    // Processes may only live in leaves in v2: our slots go beside us, under our parent.
    const base = path.join(V1_ROOT, path.dirname(ownPath), "awaitable-sandbox");
    const controllers = await readText(unifiedControllers);
    if (!controllers.includes("memory") || !controllers.includes("pids")) {
      return { mode: null, problem: "cgroup v2 is mounted but its memory and pids controllers are not enabled" };
    }
    return { mode: "v2", base };
  }
  if (existsSync(path.join(V1_ROOT, "memory")) && existsSync(path.join(V1_ROOT, "pids"))) {
    return { mode: "v1", base: "awaitable-sandbox" };
  }
  return { mode: null, problem: "neither cgroup v2 nor the cgroup v1 memory and pids controllers are mounted under /sys/fs/cgroup" };
}

/**
 * Creates (or takes over) the group of one slot. The sandbox's first process
 * joins it while still root, before it drops to the slot's uid.
 */
export async function createSlotCgroup(name: string): Promise<SlotCgroup> {
  const detected = await detectCgroups();
  if (detected.mode === null) throw new Error(detected.problem);
  if (detected.mode === "v2") {
    const parent = detected.base;
    await mkdir(parent, { recursive: true });
    writeControl(path.join(parent, "cgroup.subtree_control"), "+memory +pids", { optional: true });
    const dir = path.join(parent, name);
    await mkdir(dir, { recursive: true });
    return new V2SlotCgroup(dir);
  }
  const memoryDir = path.join(V1_ROOT, "memory", await ownV1Path("memory"), detected.base, name);
  const pidsDir = path.join(V1_ROOT, "pids", await ownV1Path("pids"), detected.base, name);
  await mkdir(memoryDir, { recursive: true });
  await mkdir(pidsDir, { recursive: true });
  return new V1SlotCgroup(memoryDir, pidsDir);
}

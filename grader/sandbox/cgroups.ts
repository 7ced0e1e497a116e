/**
 * Control groups cap what a whole run may use, across all of its processes:
 * total memory (a per-process address-space limit does not cap the total)
 * and the number of processes and threads, and, when asked, a share of the
 * CPU. One group per sandbox slot, created once and reused (creating one per
 * run costs 15-20 ms). A slot is emptied before its next run by freezing the
 * group (so nothing in it can fork), killing everything, thawing it, and
 * waiting until it is empty.
 *
 * Both hierarchies are supported: cgroup v1 with separate `memory`, `pids`,
 * `freezer` and `cpu` controllers (what these machines expose) and the
 * unified cgroup v2.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rmdir } from "node:fs/promises";
import path from "node:path";

export type CgroupUsage = {
  oomKilled: boolean;
  pidsLimitHit: boolean;
  peakMemoryBytes: number | null;
  /** CPU periods in which the group was throttled at its quota, since prepare(). */
  throttledPeriods: number;
};

/** cpuPercent: the share of one CPU the whole run may use (null: no cap). */
export type SlotLimits = { memoryBytes: number; processes: number; cpuPercent: number | null };

const CPU_PERIOD_US = 100_000;

export interface SlotCgroup {
  /** Files a process writes its own pid to, to join the group. */
  readonly procsFiles: string[];
  /** Sets the limits and resets the counters for the next run. */
  prepare(limits: SlotLimits): Promise<void>;
  /** What happened since prepare(). */
  usage(): Promise<CgroupUsage>;
  /**
   * SIGKILLs every process in the group until it is empty (but for `spare`:
   * the next run's armed runner, which is ours); returns how many were killed.
   */
  killAll(spare?: number[]): Promise<number>;
  /** The processes in the group now (in any of its hierarchies). */
  pids(): number[];
  /**
   * Whether the group has a CPU controller of its own: its processes then
   * share one CPU weight, so that a SCHED_IDLE one yields to the others of
   * the group only (an armed runner to its slot's run), not to the machine.
   */
  readonly ownCpu: boolean;
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

function keyedValue(text: string | null, key: string): string | null {
  const line = text?.split("\n").find((candidate) => candidate.startsWith(`${key} `));
  return line ? (line.split(" ")[1] ?? null) : null;
}

function keyedCounter(text: string, key: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${key} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

/** Wait (briefly, a few milliseconds at a time) until a control file reads `expected`. */
async function waitFor(read: () => string | null, expected: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (read() === expected) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function readOptional(file: string): string | null {
  try {
    return readControl(file);
  } catch {
    return null;
  }
}

/**
 * Kills everything in the group but `spare`: frozen first (where a freezer
 * exists), so that no process can fork between the listing and the kill;
 * thawed so the kills are delivered; then until the group stays empty.
 */
async function freezeAndKill(
  procsFiles: string[],
  freezer: { freeze: () => Promise<void>; thaw: () => void } | null,
  spare: ReadonlySet<number>,
) {
  const others = () => procsFiles.flatMap(readPids).filter((pid) => !spare.has(pid));
  if (others().length === 0) return 0;
  if (freezer) await freezer.freeze();
  let killed = 0;
  for (const pid of new Set(others())) {
    try {
      process.kill(pid, "SIGKILL");
      killed += 1;
    } catch {
      // already gone
    }
  }
  freezer?.thaw();
  return killed + (await killPids(procsFiles, others));
}

async function killPids(procsFiles: string[], others: () => number[]): Promise<number> {
  let killed = 0;
  // Processes may fork while we kill: repeat until the group stays empty.
  for (let round = 0; round < 50; round += 1) {
    const pids = others();
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
type CounterFiles = { memoryEvents: string; pidsEvents: string; peak: string; cpuStat: string | null };

abstract class CountingSlotCgroup {
  abstract readonly procsFiles: string[];
  private oomKillsBefore = 0;
  private pidsMaxEventsBefore = 0;
  private throttledBefore = 0;

  protected abstract readonly counterFiles: CounterFiles;

  pids(): number[] {
    return [...new Set(this.procsFiles.flatMap(readPids))];
  }

  /** The limits last written: a slot mostly runs one exercise after another with the same ones. */
  protected written: SlotLimits = { memoryBytes: -1, processes: -1, cpuPercent: -1 };

  private counters() {
    const { memoryEvents, pidsEvents, peak, cpuStat } = this.counterFiles;
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
      throttled: cpuStat ? keyedCounter(readOptional(cpuStat) ?? "", "nr_throttled") : 0,
    };
  }

  protected rememberCounters() {
    const { oomKills, pidsMaxEvents, throttled } = this.counters();
    this.oomKillsBefore = oomKills;
    this.pidsMaxEventsBefore = pidsMaxEvents;
    this.throttledBefore = throttled;
  }

  async usage(): Promise<CgroupUsage> {
    const { oomKills, pidsMaxEvents, peakBytes, throttled } = this.counters();
    return {
      oomKilled: oomKills > this.oomKillsBefore,
      pidsLimitHit: pidsMaxEvents > this.pidsMaxEventsBefore,
      peakMemoryBytes: Number.isFinite(peakBytes) ? peakBytes : null,
      throttledPeriods: throttled - this.throttledBefore,
    };
  }
}

class V1SlotCgroup extends CountingSlotCgroup implements SlotCgroup {
  readonly procsFiles: string[];
  readonly ownCpu: boolean;
  protected readonly counterFiles: CounterFiles;

  constructor(
    private readonly memoryDir: string,
    private readonly pidsDir: string,
    private readonly freezerDir: string | null,
    private readonly cpuDir: string | null,
  ) {
    super();
    this.procsFiles = [memoryDir, pidsDir, freezerDir, cpuDir]
      .filter((dir): dir is string => dir !== null)
      .map((dir) => path.join(dir, "cgroup.procs"));
    this.ownCpu = cpuDir !== null;
    this.counterFiles = {
      memoryEvents: path.join(memoryDir, "memory.oom_control"),
      pidsEvents: path.join(pidsDir, "pids.events"),
      peak: path.join(memoryDir, "memory.max_usage_in_bytes"),
      cpuStat: cpuDir ? path.join(cpuDir, "cpu.stat") : null,
    };
  }

  async prepare(limits: SlotLimits) {
    const memory = (file: string) => path.join(this.memoryDir, file);
    if (limits.cpuPercent !== this.written.cpuPercent && this.cpuDir) {
      writeControl(path.join(this.cpuDir, "cpu.cfs_period_us"), String(CPU_PERIOD_US));
      const quota = limits.cpuPercent === null ? -1 : Math.round((CPU_PERIOD_US * limits.cpuPercent) / 100);
      writeControl(path.join(this.cpuDir, "cpu.cfs_quota_us"), String(quota));
    }
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

  killAll(spare: number[] = []) {
    const state = this.freezerDir ? path.join(this.freezerDir, "freezer.state") : null;
    return freezeAndKill(
      this.procsFiles,
      state
        ? {
            freeze: async () => {
              writeControl(state, "FROZEN", { optional: true });
              await waitFor(() => readOptional(state), "FROZEN", 1000);
            },
            thaw: () => writeControl(state, "THAWED", { optional: true }),
          }
        : null,
      new Set(spare),
    );
  }

  async remove() {
    await this.killAll();
    for (const dir of [this.memoryDir, this.pidsDir, this.freezerDir, this.cpuDir]) {
      if (dir) await rmdir(dir).catch(() => undefined);
    }
  }
}

class V2SlotCgroup extends CountingSlotCgroup implements SlotCgroup {
  readonly procsFiles: string[];
  readonly ownCpu: boolean;
  protected readonly counterFiles: CounterFiles;

  constructor(private readonly dir: string) {
    super();
    this.procsFiles = [path.join(dir, "cgroup.procs")];
    this.ownCpu = existsSync(path.join(dir, "cpu.weight"));
    this.counterFiles = {
      memoryEvents: path.join(dir, "memory.events"),
      pidsEvents: path.join(dir, "pids.events"),
      peak: path.join(dir, "memory.peak"),
      cpuStat: path.join(dir, "cpu.stat"),
    };
  }

  async prepare(limits: SlotLimits) {
    if (limits.cpuPercent !== this.written.cpuPercent) {
      const quota = limits.cpuPercent === null ? "max" : String(Math.round((CPU_PERIOD_US * limits.cpuPercent) / 100));
      writeControl(path.join(this.dir, "cpu.max"), `${quota} ${CPU_PERIOD_US}`, { optional: limits.cpuPercent === null });
    }
    if (limits.memoryBytes !== this.written.memoryBytes) {
      writeControl(path.join(this.dir, "memory.max"), String(limits.memoryBytes));
      writeControl(path.join(this.dir, "memory.swap.max"), "0", { optional: true });
    }
    if (limits.processes !== this.written.processes) writeControl(path.join(this.dir, "pids.max"), String(limits.processes));
    writeControl(path.join(this.dir, "memory.peak"), "0", { optional: true });
    this.written = { ...limits };
    this.rememberCounters();
  }

  async killAll(spare: number[] = []) {
    const freeze = path.join(this.dir, "cgroup.freeze");
    const events = path.join(this.dir, "cgroup.events");
    return freezeAndKill(
      this.procsFiles,
      {
        freeze: async () => {
          writeControl(freeze, "1", { optional: true });
          await waitFor(() => keyedValue(readOptional(events), "frozen"), "1", 1000);
          // cgroup.kill (Linux 5.14+) kills the whole group atomically, forks
          // included; with a process to spare, the frozen ones one by one.
          if (spare.length === 0) writeControl(path.join(this.dir, "cgroup.kill"), "1", { optional: true });
        },
        thaw: () => writeControl(freeze, "0", { optional: true }),
      },
      new Set(spare),
    );
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
    writeControl(path.join(parent, "cgroup.subtree_control"), "+memory +pids +cpu", { optional: true });
    const dir = path.join(parent, name);
    await mkdir(dir, { recursive: true });
    return new V2SlotCgroup(dir);
  }
  const dirOf = async (controller: string) => path.join(V1_ROOT, controller, await ownV1Path(controller), detected.base, name);
  const memoryDir = await dirOf("memory");
  const pidsDir = await dirOf("pids");
  await mkdir(memoryDir, { recursive: true });
  await mkdir(pidsDir, { recursive: true });
  // The freezer and cpu controllers are used where the machine has them.
  const optional = async (controller: string) => {
    if (!existsSync(path.join(V1_ROOT, controller))) return null;
    const dir = await dirOf(controller);
    return mkdir(dir, { recursive: true }).then(() => dir, () => null);
  };
  return new V1SlotCgroup(memoryDir, pidsDir, await optional("freezer"), await optional("cpu"));
}

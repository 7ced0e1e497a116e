import { SandboxPool } from "../grader/sandbox/sandbox";
import { DEFAULT_SANDBOX_LIMITS } from "../grader/sandbox/limits";
import { execSync } from "node:child_process";
const pool = new SandboxPool(1);
for (const code of ["print('hi')", "import os\nif os.fork()==0:\n  os.setsid(); import time; time.sleep(100)\nprint(1)"]) {
  const o = await pool.run({ pythonArgs: ["-c", code], stdin: "", readOnlyBinds: [], env: {}, limits: DEFAULT_SANDBOX_LIMITS, keepOutputBytes: 100 });
  console.log(o.stdout.toString().trim(), "stray", o.strayProcessesKilled);
  await new Promise(r => setTimeout(r, 300));
  console.log(execSync("ps -eo pid,ppid,uid,stat,cmd | awk '$3==61000' || true").toString());
}

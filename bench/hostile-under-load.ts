// `npx tsx bench/hostile-under-load.ts [rounds] [burners]`: the hostile
// sandbox suite (grader/sandbox/hostile.test.ts), `rounds` times in a row
// (default 10) while `burners` processes (default 2) spin on the CPU. Prints
// each round's result and time, and how many rounds passed. As root.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const rounds = Number(process.argv[2] ?? "10");
const burnerCount = Number(process.argv[3] ?? "2");
const root = process.cwd();

const burners = Array.from({ length: burnerCount }, () => spawn("/usr/bin/python3", ["-c", "while True: pass"], { stdio: "ignore" }));
let passed = 0;
try {
  for (let round = 1; round <= rounds; round += 1) {
    const started = performance.now();
    const run = spawnSync(path.join(root, "node_modules", ".bin", "vitest"), ["run", "grader/sandbox/hostile.test.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // (vitest colours its summary)
    const plain = run.stdout.replace(/\u001b\[[0-9;]*m/g, "");
    const summary = /Tests\s+(.*)/.exec(plain)?.[1]?.trim() ?? "no summary";
    if (run.status === 0) passed += 1;
    else console.log(run.stdout.slice(-4000));
    console.log(`round ${round}: ${run.status === 0 ? "passed" : "FAILED"} (${summary}) in ${seconds} s`);
  }
} finally {
  for (const burner of burners) burner.kill("SIGKILL");
}
console.log(`${passed}/${rounds} rounds passed with ${burnerCount} CPU burners running`);
process.exit(passed === rounds ? 0 : 1);

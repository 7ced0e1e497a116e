// `npm test`: every gate, in order of cost: prerequisites, typecheck, lint,
// unit and integration tests (vitest, against a real PostgreSQL), then
// end-to-end tests (Playwright in Debian's Chromium against `npm start`).
// The PostgreSQL is the embedded one under .data/test-postgres unless
// TEST_ADMIN_DATABASE_URL or DATABASE_URL names a server to create test
// databases on. Ends with one line "tests: N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { createTestDatabase, startTestServer } from "../tests/support/test-database";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const reportDir = path.join(root, ".data", "test-reports");
const PYTHON = "/usr/bin/python3";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Counts = { passed: number; failed: number; skipped: number };
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function banner(title: string) {
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(0, 60 - title.length))}`);
}

function checkPrerequisites(): string[] {
  const problems: string[] = [];
  const [major, minor] = process.versions.node.split(".").map(Number);
  if ((major ?? 0) < 20 || (major === 20 && (minor ?? 0) < 9)) {
    problems.push(`Node.js ${process.versions.node} is too old: install Node.js 20.9 or newer.`);
  }
  const python = spawnSync(PYTHON, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
  const pythonVersion = python.status === 0 ? python.stdout.trim() : null;
  if (!pythonVersion) {
    problems.push(`${PYTHON} is missing: the grader runs student code with Debian's Python (apt-get install python3).`);
  } else {
    const [pyMajor, pyMinor] = pythonVersion.split(".").map(Number);
    if ((pyMajor ?? 0) < 3 || (pyMajor === 3 && (pyMinor ?? 0) < 11)) {
      problems.push(`${PYTHON} is Python ${pythonVersion}: the grader needs 3.11 or newer (apt-get install python3).`);
    }
  }
  if (pythonVersion && spawnSync(PYTHON, ["-c", "import seccomp"]).status !== 0) {
    problems.push(`${PYTHON} cannot import seccomp: the sandbox's system-call filter needs it (apt-get install python3-seccomp).`);
  }
  if (process.getuid?.() !== 0) {
    problems.push("the sandbox tests need root (each run gets its own unprivileged uid and cgroup); run npm test as root, as CI does.");
  }
  if (!existsSync(CHROMIUM)) {
    problems.push(`${CHROMIUM} is missing: the end-to-end tests drive Debian's Chromium (apt-get install chromium), or set CHROMIUM_PATH.`);
  }
  return problems;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const vitestReportSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().optional(),
});
const playwrightReportSchema = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

async function readReport<Schema extends z.ZodType>(file: string, schema: Schema): Promise<z.output<Schema> | null> {
  if (!existsSync(file)) return null;
  const parsed = schema.safeParse(JSON.parse(await readFile(file, "utf8")));
  return parsed.success ? parsed.data : null;
}

async function gate(name: string, command: string, args: string[]) {
  banner(name);
  const code = await run(command, args);
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
  return code === 0;
}

async function main(): Promise<number> {
  banner("prerequisites");
  const problems = checkPrerequisites();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✗ ${problem}`);
    console.error("\nInstall what is missing (see README, Prerequisites) and run npm test again.");
    console.log("\ntests: 0 passed, 1 failed");
    return 1;
  }
  console.log(`✓ Node.js ${process.versions.node}, ${PYTHON}, ${CHROMIUM}`);

  await rm(reportDir, { recursive: true, force: true });
  await mkdir(reportDir, { recursive: true });

  await gate("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"]);
  await gate("lint (eslint)", bin("eslint"), ["--max-warnings", "0", "."]);
  // Every reference solution passes, every known-wrong one fails its named test, quiz keys hold.
  await gate("content (npm run content:check)", bin("tsx"), [path.join(root, "scripts", "content-check.ts")]);

  banner("database for the tests");
  const server = await startTestServer();
  console.log(server.embedded ? "✓ embedded PostgreSQL (.data/test-postgres)" : "✓ the server named by TEST_ADMIN_DATABASE_URL / DATABASE_URL");
  const testEnv = { ...process.env, TEST_ADMIN_DATABASE_URL: server.adminUrl };
  try {
    banner("unit and integration tests (vitest)");
    const vitestReport = path.join(reportDir, "vitest.json");
    const vitestCode = await run(
      bin("vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
      testEnv,
    );
    const vitest = await readReport(vitestReport, vitestReportSchema);
    if (vitest) {
      totals.passed += vitest.numPassedTests;
      totals.failed += vitest.numFailedTests;
      totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
    }
    if (vitestCode !== 0) {
      failures.push("vitest");
      if (!vitest || vitest.numFailedTests === 0) totals.failed += 1;
    }

    banner("end-to-end tests (Playwright + Chromium)");
    const e2eDatabase = await createTestDatabase(server.adminUrl, { migrate: false });
    const playwrightReport = path.join(reportDir, "playwright.json");
    try {
      const playwrightCode = await run(bin("playwright"), ["test", "--reporter=list,json"], {
        ...testEnv,
        E2E_DATABASE_URL: e2eDatabase.url,
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      });
      const playwright = await readReport(playwrightReport, playwrightReportSchema);
      if (playwright) {
        totals.passed += playwright.stats.expected + playwright.stats.flaky;
        totals.failed += playwright.stats.unexpected;
        totals.skipped += playwright.stats.skipped;
      }
      if (playwrightCode !== 0) {
        failures.push("playwright");
        if (!playwright || playwright.stats.unexpected === 0) totals.failed += 1;
      }
    } finally {
      await e2eDatabase.drop().catch(() => undefined);
    }
  } finally {
    await server.embedded?.stop();
  }

  banner("summary");
  if (failures.length > 0) console.error(`✗ failed: ${failures.join(", ")}`);
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  },
);

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/student";

const solution = readFileSync(path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users/solution.py"), "utf8");
// Each of its runs really waits 1 s (select is not on the virtual clock), so
// the grading is still under way when its worker is killed.
const slowSolution = `import select\nselect.select([], [], [], 1)\n${solution}`;
const port = process.env.E2E_PORT ?? "3100";

/** The processes of this stack's grader worker (tsx and the node it runs), found through /proc. */
function workerPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (!command.some((part) => part.endsWith(path.join("grader", "worker.ts")))) continue;
      const environment = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (environment.includes(`PORT=${port}`)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

test("kill -9 of the grader worker: the web app answers throughout and a new worker grades the submission in flight", async ({ page, request }) => {
  await signUp(page, "supervised");

  await page.goto("/exercises/gather-three-users");
  await page.getByLabel("你的代码").fill(slowSolution);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("submission-status")).toHaveText("评测中…", { timeout: 30_000 });

  const killed = workerPids();
  expect(killed.length).toBeGreaterThan(0);
  for (const pid of killed) process.kill(pid, "SIGKILL");

  // Until the verdict shows, the web app keeps answering.
  const answers: number[] = [];
  const verdict = page.getByTestId("verdict");
  await expect(async () => {
    answers.push((await request.get("/api/health")).status());
    await expect(verdict).toHaveText("通过", { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [500] });
  expect(answers.length).toBeGreaterThan(1);
  expect(answers.every((status) => status === 200)).toBe(true);

  const replacement = workerPids();
  expect(replacement.length).toBeGreaterThan(0);
  expect(replacement.some((pid) => killed.includes(pid))).toBe(false);
  await expect(page.getByText("得分: 100%")).toBeVisible();
});

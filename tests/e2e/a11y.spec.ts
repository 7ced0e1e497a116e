// An automated accessibility check (axe-core, WCAG 2.1 A and AA rules) of the
// main pages, as a guest and as a student with a graded submission: no
// serious or critical violation, in both languages.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/student";

const solution = readFileSync(path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users/solution.py"), "utf8");

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join("; ")}`);
  expect(serious, `${what}: axe found serious or critical violations`).toEqual([]);
}

const guestPages = ["/", "/signin", "/signup", "/lessons/lesson-coroutines", "/exercises/gather-three-users", "/quizzes/quiz-coroutines", "/no-such-page"];

test("the guest's pages have no serious accessibility violation", async ({ page }) => {
  for (const url of guestPages) {
    await page.goto(url);
    await expectNoSeriousViolations(page, url);
  }
});

test("a student's pages, with a graded result and its timeline, have none either, in both languages", async ({ page }) => {
  await signUp(page, "a11y");
  // The draft is the solution (saved through the API the editor uses), then graded through the page.
  await page.goto("/exercises/gather-three-users");
  const exerciseId = await page.locator("[data-exercise-id]").getAttribute("data-exercise-id");
  const saved = await page.request.put(`/api/drafts/${exerciseId}`, { data: { code: solution }, headers: { origin: new URL(page.url()).origin } });
  expect(saved.ok()).toBe(true);
  await page.reload();
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("submission-result").getByTestId("verdict")).toHaveText("通过", { timeout: 30_000 });
  for (const url of ["/exercises/gather-three-users", "/", "/progress", "/quizzes/quiz-coroutines", "/lessons/lesson-coroutines"]) {
    if (url !== "/exercises/gather-three-users") await page.goto(url);
    await expectNoSeriousViolations(page, `${url} (zh-CN)`);
  }
  await page.locator("header").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  for (const url of ["/", "/exercises/gather-three-users", "/progress"]) {
    await page.goto(url);
    await expectNoSeriousViolations(page, `${url} (en)`);
  }
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/student";

const solution = readFileSync(path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users/solution.py"), "utf8");

test("a student submits code and sees it graded live, with tests and a timeline", async ({ page }) => {
  await signUp(page, "submit");

  await page.getByRole("link", { name: "并发获取三个用户" }).click();
  await expect(page.getByRole("heading", { name: "并发获取三个用户" })).toBeVisible();
  const editor = page.getByRole("textbox", { name: "你的代码" });
  await expect(editor).toContainText("TODO");
  // Hints come one at a time, weakest first.
  await page.getByRole("button", { name: /^需要提示/ }).click();
  await expect(page.locator(".hints li")).toHaveCount(1);
  // The next one unlocks with an attempt.
  await expect(page.getByRole("button", { name: /^再给一个提示/ })).toBeDisabled();
  await expect(page.locator(".hints")).toContainText("再提交 1 次后解锁");

  // The starter code does not solve it yet.
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("verdict")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("verdict")).not.toHaveText("通过");
  await page.getByRole("button", { name: /^再给一个提示/ }).click();
  await expect(page.locator(".hints li")).toHaveCount(2);

  await editor.fill(solution);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("verdict")).toHaveText("通过", { timeout: 30_000 });
  await expect(page.getByText("得分: 100%")).toBeVisible();
  await expect(page.locator("table.tests tr.test-passed").first()).toBeVisible();
  // The event loop's lane, main() and three get_user() tasks.
  await expect(page.getByTestId("timeline-lane")).toHaveCount(5);
  await expect(page.locator(".history li")).toHaveCount(2);
});

test("a guest sees the exercise but is asked to sign in to submit", async ({ page }) => {
  await page.goto("/exercises/gather-three-users");
  await expect(page.getByText("登录后即可提交代码。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交", exact: true })).toHaveCount(0);
  await page.goto("/exercises/no-such-exercise");
  await expect(page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
});

test("a guest who signs up from an exercise comes back to it, signed in", async ({ page }) => {
  await page.goto("/exercises/gather-three-users");
  await page.locator("header").getByRole("link", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Fexercises%2Fgather-three-users$/);
  const email = `back-${Date.now()}@example.org`;
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("a good password");
  await page.getByRole("button", { name: /^注册$/ }).click();
  await expect(page).toHaveURL(/\/exercises\/gather-three-users$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  await expect(page.getByRole("button", { name: "提交", exact: true })).toBeVisible();
});

test("an admin regrades every submission of an exercise from its page", async ({ page }) => {
  const email = process.env.E2E_ADMIN_EMAIL ?? "admin-e2e@example.org";
  await page.goto("/signup");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("an admin password");
  await page.getByRole("button", { name: /^注册$/ }).click();
  // The admin may have signed up in an earlier test: then sign in.
  const taken = page.getByText("该邮箱已被注册");
  await expect(page.getByTestId("signed-in-as").or(taken)).toBeVisible();
  if (await taken.isVisible()) {
    await page.goto("/signin");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill("an admin password");
    await page.getByRole("button", { name: /^登录$/ }).click();
  }
  await expect(page.getByTestId("signed-in-as")).toContainText("管理员");
  await page.goto("/exercises/gather-three-users");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "重新评测所有提交" }).click();
  await expect(page.locator(".teacher-tools").getByRole("status")).toHaveText(/已排队:所有学生的提交都会用当前的测试重新评测/);
});

test("a lesson reads as formatted text and leads to the chapter's next exercise", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^并发.gather 与 create_task$/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.locator(".markdown table").first()).toBeVisible();
  await expect(page.locator(".markdown pre code").first()).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText("Next:")).toBeVisible();
});

// The student's side of progress in Chromium: the course map before and
// after solving the first exercise, "continue", My progress, previous/next,
// the skip link, English, and a phone's width.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/student";

const solution = readFileSync(path.join(process.cwd(), "exercises/asyncio/01-coroutines/run-the-coroutine/solution.py"), "utf8");

const mapItem = (page: Page, slug: string) => page.locator(`li.map-item[data-slug="${slug}"]`);

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test("a student's course map, continue point, progress page and prev/next follow their first solved exercise", async ({ page, browser }) => {
  await signUp(page, "progress");

  // The map, nothing started yet; "continue" starts at the first item.
  await page.goto("/");
  await expect(page).toHaveTitle("课程地图 — Awaitable");
  await expect(page.getByRole("heading", { level: 1, name: "课程地图" })).toBeVisible();
  await expect(mapItem(page, "run-the-coroutine").locator(".status")).toHaveText("○ 未开始");
  await expect(mapItem(page, "lesson-coroutines").locator(".status")).toHaveText("○ 未读");
  await expect(page.getByTestId("continue-link")).toHaveAttribute("href", "/lessons/lesson-coroutines");

  // The skip link is the first Tab stop, and takes focus to the page's main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // The first exercise: its starter speaks Chinese only; a correct solution passes.
  await mapItem(page, "run-the-coroutine").getByRole("link", { name: "让协程真正运行起来" }).click();
  await expect(page).toHaveURL(/\/exercises\/run-the-coroutine$/);
  const editor = page.getByRole("textbox", { name: "你的代码" });
  await expect(editor).toContainText(/# TODO: 运行 hello\(\)/);
  await expect(editor).not.toContainText(/# (zh|en):|run hello\(\) and get/);
  // Its sources by the tutorials' titles and sections, never a file name.
  const sources = page.locator(".source-list");
  await sources.getByText("出处:3 篇教程,6 节").click();
  await expect(sources.getByText("《一文学会 Python 异步编程!》 § 2.2 第二步:运行协程; § 7.3 坑 3:事件循环关闭后,还提交任务")).toBeVisible();
  await expect(sources).not.toContainText("seeds/");
  await editor.fill(solution);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("verdict")).toHaveText("通过", { timeout: 30_000 });

  // Previous and next, in course order.
  const itemNav = page.getByRole("navigation", { name: "上一项和下一项" });
  await itemNav.getByRole("link", { name: "上一项: 协程、await 与事件循环" }).click();
  await expect(page).toHaveURL(/\/lessons\/lesson-coroutines$/);
  await expect(page).toHaveTitle("协程、await 与事件循环 — Awaitable");
  await page.getByRole("button", { name: "标记为已读" }).click();
  await expect(page.getByTestId("lesson-read")).toHaveText("已读 ✓");
  await page.getByRole("navigation", { name: "上一项和下一项" }).getByRole("link", { name: /^下一项: 让协程真正运行起来/ }).click();
  await expect(page).toHaveURL(/\/exercises\/run-the-coroutine$/);

  // Home: solved with its score; "continue" goes on from the lesson just read, past the solved exercise.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "课程", exact: true }).click();
  await expect(mapItem(page, "run-the-coroutine").locator(".status")).toHaveText("✓ 已完成 · 100%");
  await expect(mapItem(page, "lesson-coroutines").locator(".status")).toHaveText("✓ 已读");
  await expect(mapItem(page, "awaitables").locator(".status")).toHaveText("○ 未开始");
  await expect(page.getByTestId("continue")).toContainText("上次完成了「协程、await 与事件循环」");
  await expect(page.getByTestId("continue-link")).toHaveAttribute("href", "/exercises/awaitables");
  await expect(page.locator(".chapter").first()).toContainText("完成 2/3");

  // My progress: one exercise solved, a streak of one day, the submission listed.
  await page.getByRole("link", { name: "我的进度" }).click();
  await expect(page).toHaveTitle("我的进度 — Awaitable");
  await expect(page.getByRole("heading", { level: 1, name: "我的进度" })).toBeVisible();
  await expect(page.getByTestId("stat-exercises").locator(".stat-value")).toHaveText(/^1 \/ \d+$/);
  await expect(page.getByTestId("stat-quizzes").locator(".stat-value")).toHaveText(/^0 \/ \d+$/);
  await expect(page.getByTestId("stat-streak").locator(".stat-value")).toHaveText("1 天");
  await expect(page.getByTestId("stat-streak")).toContainText("今天已经学习过了。");
  await expect(page.locator('.mastery li[data-concept="asyncio-run"]')).toContainText(/1\/\d+ · \d+%/);
  await expect(page.locator("table.activity tbody tr")).toHaveCount(1);
  await expect(page.locator("table.activity tbody tr").first()).toContainText("让协程真正运行起来");
  await expect(page.locator("table.activity tbody tr").first()).toContainText("✓ 通过 · 100%");

  // English, through the header's switch; the next exercise's starter in English only.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  await expect(page.getByTestId("stat-streak").locator(".stat-value")).toHaveText("1 day");
  await page.getByRole("link", { name: "Courses", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Course map" })).toBeVisible();
  await expect(mapItem(page, "run-the-coroutine").locator(".status")).toHaveText("✓ Solved · 100%");
  await page.getByTestId("continue-link").click();
  await expect(page).toHaveURL(/\/exercises\/awaitables$/);
  await expect(page.getByRole("textbox", { name: "Your code" })).toContainText(/# TODO: implement __await__/);
  await expect(page.getByRole("textbox", { name: "Your code" })).not.toContainText(/实现|# (zh|en):/);

  // A phone: the header wraps instead of widening the page.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() });
  const small = await phone.newPage();
  for (const address of ["/", "/progress"]) {
    await small.goto(address);
    await expect(small.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(small);
  }
  await phone.close();
});

test("a guest sees the catalogue without statuses, and no progress page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("课程目录 — Awaitable");
  await expect(mapItem(page, "run-the-coroutine")).toContainText("入门");
  await expect(page.locator(".map-item .status")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "我的进度" })).toHaveCount(0);
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogress$/);
});

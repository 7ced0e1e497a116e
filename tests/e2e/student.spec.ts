// A new student's first exercise, through the UI only, as the issue tells
// it: type code in the editor, find the draft after a reload, run it, submit
// a sequential solution and see why it fails (and its lanes one after the
// other), fix it and see it pass (lanes side by side), open an old attempt
// and its diff, load it back, see the reference, and find the solve on the
// course map and the progress page; then the same in English, keyboard only,
// and on a phone. Screenshots of the result are kept as test artifacts.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { editorLines, laneSpans, overlap, signUp, typeCode } from "./support/student";

const sequential = `import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def main():
    # one request after another: each task is awaited before the next starts
    results = []
    for user_id in [1, 2, 3]:
        task = asyncio.create_task(get_user(user_id))
        results.append(await task)
    print(results)
    return results


if __name__ == "__main__":
    asyncio.run(main())
`;
const concurrent = sequential.replace(
  /    # one request after another[^]*results\.append\(await task\)\n/,
  "    # all three at once\n    results = await asyncio.gather(get_user(1), get_user(2), get_user(3))\n",
);

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

test("a new student types, reloads, runs, fails with a timing message, fixes it, compares attempts and sees the progress", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, "journey");
  await page.goto("/");
  await page.getByRole("link", { name: "并发获取三个用户" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "并发获取三个用户" })).toBeVisible();
  const editor = page.getByRole("textbox", { name: "你的代码" });
  await expect(editor).toContainText("TODO");

  // Typed key by key; the draft is saved to the server and comes back after a reload.
  await typeCode(page, editor, sequential);
  await expect(page.getByTestId("draft-state")).toContainText("草稿已保存", { timeout: 15_000 });
  await page.reload();
  await expect.poll(() => editorLines(page)).toEqual(sequential.replace(/\n+$/, "").split("\n"));

  // Run: the program alone, on the virtual clock, not graded.
  await page.getByRole("button", { name: "运行", exact: true }).click();
  const run = page.getByTestId("run-result");
  await expect(run).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-stdout")).toHaveText("['user_1', 'user_2', 'user_3']");
  await expect(page.getByTestId("run-elapsed")).toContainText("1.500");
  await expect(page.getByText("还没有提交。")).toBeVisible(); // a run is not a submission

  // Submit the sequential version: not accepted, with the reason in time, and lanes one after another.
  await page.getByRole("button", { name: "提交", exact: true }).click();
  const result = page.getByTestId("submission-result");
  await expect(result.getByTestId("verdict")).toHaveText("未通过", { timeout: 30_000 });
  await expect(result.locator("tr.test-failed").first()).toContainText(/1\.5/);
  // Expected beside measured.
  await expect(result.locator("tr.test-failed").first().getByTestId("test-expected")).toHaveText(/^0\.5 ± [\d.]+ s$/);
  await expect(result.locator("tr.test-failed").first().getByTestId("test-duration")).toHaveText("1.500 s");
  await expect(page.getByTestId("timeline")).toBeVisible();
  const serial = await laneSpans(page, "get_user");
  expect(serial).toHaveLength(3);
  expect(overlap(serial)).toBe(false);
  await keepScreenshot(page, testInfo, "exercise-failed-zh");

  // Fix it (typed again) and submit: accepted, and the three requests share their time.
  await typeCode(page, editor, concurrent);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(result.getByTestId("verdict")).toHaveText("通过", { timeout: 30_000 });
  await expect(result.getByText("得分: 100%")).toBeVisible();
  const gathered = await laneSpans(page, "get_user");
  expect(gathered).toHaveLength(3);
  expect(overlap(gathered)).toBe(true);
  await keepScreenshot(page, testInfo, "exercise-passed-zh");

  // The history: the first attempt's code, the diff of the two, and loading it back.
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(2);
  const first = entries.filter({ hasText: "第 1 次提交" });
  await first.getByRole("button", { name: "查看代码" }).click();
  await expect(first.locator(".history-code")).toContainText("results.append(await task)");
  await page.getByRole("checkbox", { name: "对比: 第 1 次提交" }).check();
  await page.getByRole("checkbox", { name: "对比: 第 2 次提交" }).check();
  await expect(page.getByTestId("diff-summary")).toHaveText("新增 2 行,删除 5 行");
  page.once("dialog", (dialog) => void dialog.accept());
  await first.getByRole("button", { name: "载入编辑器" }).click();
  await expect.poll(() => editorLines(page)).toContain("        results.append(await task)");

  // The best submission is one click away too.
  await page.getByRole("button", { name: "我最好的提交" }).click();
  await expect(result.getByTestId("verdict")).toHaveText("通过");
  // Solved: the reference is one click away, and the course map and progress page know.
  await page.getByText("查看参考答案").click();
  await expect(page.locator(".reference .code-view")).toContainText("asyncio.gather");
  await page.goto("/");
  await expect(page.locator('li.map-item[data-slug="gather-three-users"] .status')).toHaveText("✓ 已完成 · 100%");
  await page.goto("/progress");
  await expect(page.getByTestId("stat-exercises").locator(".stat-value")).toHaveText(/^1 \/ \d+$/);
});

test("the same in English, submitted with the keyboard only", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page, "keyboard");
  await page.locator("header").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/exercises/gather-three-users");
  const editor = page.getByRole("textbox", { name: "Your code" });
  await expect(editor).toContainText("fetch users 1, 2 and 3 concurrently");
  await expect(editor).not.toContainText("并发获取");
  // A runtime error marks its line in the editor, and the list under it leads there.
  await editor.fill("import asyncio\n\nasync def main():\n    raise ValueError('boom')\n\nasyncio.run(main())\n");
  await editor.press("Control+'");
  await expect(page.getByTestId("run-verdict")).toContainText("Runtime error", { timeout: 30_000 });
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(1);
  await page.getByRole("button", { name: "Go to line 4" }).click();
  await expect(editor).toBeFocused();
  await typeCode(page, editor, concurrent);
  // Ctrl+' runs from inside the editor.
  await editor.press("Control+'");
  await expect(page.getByTestId("run-elapsed")).toContainText("0.500", { timeout: 30_000 });
  await expect(page.locator(".cm-lint-marker-error")).toHaveCount(0);
  // Esc, then Tab leaves the editor; the next stops are Run and Submit.
  await editor.focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("submission-result").getByTestId("verdict")).toHaveText("Passed", { timeout: 30_000 });
  await expect(page.getByTestId("submission-result")).toContainText("Score: 100%");
  await expect(page.getByTestId("timeline")).toBeVisible(); // a chunk of its own, loaded with the first result
  await keepScreenshot(page, testInfo, "exercise-passed-en");
});

test("on a phone the exercise page stacks, fits the screen and still grades", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signUp(page, "phone");
  await page.goto("/exercises/gather-three-users");
  const editor = page.getByRole("textbox", { name: "你的代码" });
  await typeCode(page, editor, sequential);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("submission-result").getByTestId("verdict")).toHaveText("未通过", { timeout: 30_000 });
  await expect(page.getByTestId("timeline")).toBeVisible();
  const fits = await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
  expect(fits).toBe(true);
  // Stacked: the prompt above the editor.
  const promptBox = await page.locator(".exercise-prompt").boundingBox();
  const editorBox = await editor.boundingBox();
  expect(promptBox && editorBox && promptBox.y < editorBox.y).toBe(true);
  await keepScreenshot(page, testInfo, "exercise-phone-zh");
  await context.close();
});

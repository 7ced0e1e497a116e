import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { laneSpans } from "./support/student";

const exercise = path.join(process.cwd(), "exercises/asyncio/02-concurrency/sequential-vs-concurrent");
// main_tasks awaits each task right after creating it: the second starts when the first has ended.
const sequential = readFileSync(path.join(exercise, "wrong/await-task-inline.py"), "utf8");
const concurrent = readFileSync(path.join(exercise, "solution.py"), "utf8");

/** Each say_after task's life on the chart, read from its bars' times. */
const sayAfterLanes = (page: Page) => laneSpans(page, "say_after");

async function submit(page: Page, code: string) {
  await page.getByLabel("你的代码").fill(code);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("verdict")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("timeline")).toBeVisible();
}

test("the timeline shows sequential tasks one after the other and gathered ones side by side, by keyboard, as a table and for Perfetto", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("邮箱").fill(`timeline-${Date.now()}@example.org`);
  await page.getByLabel("密码").fill("a good password");
  await page.getByRole("button", { name: /^注册$/ }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto("/exercises/sequential-vs-concurrent");

  await submit(page, sequential);
  await expect(page.getByTestId("verdict")).not.toHaveText("通过");
  const apart = await sayAfterLanes(page);
  expect(apart.map((lane) => lane.title)).toEqual(["say_after(1, 'Hello')", "say_after(2, 'World')"]);
  const [first, second] = apart;
  expect(first && second && second.from >= first.to).toBe(true);
  await expect(page.getByTestId("timeline-caption")).toContainText("共 3 秒");

  await submit(page, concurrent);
  await expect(page.getByTestId("verdict")).toHaveText("通过");
  const together = await sayAfterLanes(page);
  expect(together).toHaveLength(2);
  const [hello, world] = together;
  expect(hello && world && hello.from < world.to && world.from < hello.to).toBe(true);
  await expect(page.getByTestId("timeline-caption")).toContainText("共 2 秒");
  await expect(page.getByTestId("timeline-caption")).toContainText("最多 2 个");

  // Keyboard: one tab stop into the chart; its details are shown; arrows move between lanes.
  const details = page.getByTestId("timeline-details");
  await expect(details).toContainText("Tab");
  await page.getByTestId("timeline-download").focus();
  await page.keyboard.press("Tab");
  const focused = page.locator("[data-testid=timeline-segment]:focus");
  await expect(focused).toHaveCount(1);
  await expect(details).toContainText("泳道");
  await expect(details).toContainText("秒");
  // From main's first step down to say_after(2, 'World')'s, then right to its sleep.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(details).toContainText("say_after(2, 'World')");
  await expect(details).toContainText("asyncio.sleep(2):睡到第 2 秒");
  await expect(page.locator("[data-testid=timeline-segment][tabindex='0']")).toHaveCount(1);

  // Perfetto: the download is Chrome trace JSON naming every lane.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("timeline-download").click();
  const file = await (await downloading).path();
  const trace = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: { ph: string; name: string; args?: { name?: string }; dur?: number }[] };
  expect(Array.isArray(trace.traceEvents)).toBe(true);
  const laneNames = trace.traceEvents.filter((event) => event.ph === "M" && event.name === "thread_name").map((event) => event.args?.name);
  expect(laneNames).toEqual(expect.arrayContaining(["事件循环", "say_after(1, 'Hello')", "say_after(2, 'World')"]));
  expect(trace.traceEvents.filter((event) => event.ph === "X").every((event) => (event.dur ?? -1) >= 0)).toBe(true);

  // The table view: the same facts in rows.
  await page.getByTestId("timeline-table-toggle").click();
  const table = page.getByTestId("timeline-table");
  await expect(table).toBeVisible();
  await expect(table.getByRole("rowheader", { name: /say_after\(1, 'Hello'\)/ }).first()).toBeVisible();
  await expect(table.getByRole("rowheader", { name: /say_after\(2, 'World'\)/ }).first()).toBeVisible();
  await expect(table.getByRole("row", { name: /say_after\(2, 'World'\).*等待.*asyncio\.sleep\(2\)/ })).toHaveCount(1);
  await page.getByTestId("timeline-table-toggle").click();
  await expect(page.getByTestId("timeline-lane").first()).toBeVisible();
});

// A candidate takes a short mock interview through the UI, in Chromium:
// starts it, answers questions of whatever kinds were drawn, reloads
// mid-way and finds every answer, opens a second tab and is told, goes
// offline (answers and code kept on the device, sent once back online),
// hands a coding task in, hands the interview in, reads the report, makes a
// share link, opens it signed out, revokes it and sees it stop working.
import pg from "pg";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signUp } from "./support/student";

const bar = (page: Page) => page.getByTestId("interview-bar");
const answeredCount = (page: Page) => page.getByTestId("interview-answered");
const saveState = (page: Page) => page.getByTestId("save-state");
const item = (page: Page) => page.locator(".interview-item");
const navigator = (page: Page) => page.getByRole("navigation", { name: "题目导航" });

/** Gives some answer to the question on screen, whatever its kind; returns how to check it is still there. */
async function answerShown(question: Locator): Promise<() => Promise<void>> {
  const radios = question.locator("input[type=radio]");
  const boxes = question.locator("input[type=checkbox]");
  const number = question.locator("input[type=number]");
  const area = question.locator("textarea");
  const blanks = question.locator("input[type=text]");
  if ((await radios.count()) > 0) {
    await radios.first().check();
    return () => expect(radios.first()).toBeChecked();
  }
  if ((await boxes.count()) > 0) {
    await boxes.first().check();
    return () => expect(boxes.first()).toBeChecked();
  }
  if ((await number.count()) > 0) {
    await number.fill("1.5");
    return () => expect(number).toHaveValue("1.5");
  }
  if ((await area.count()) > 0) {
    await area.fill("done");
    return () => expect(area).toHaveValue("done");
  }
  if ((await blanks.count()) > 0) {
    const count = await blanks.count();
    for (let index = 0; index < count; index += 1) await blanks.nth(index).fill(`blank${index}`);
    return () => expect(blanks.first()).toHaveValue("blank0");
  }
  // Ordering: move the first item down one place.
  const first = await question.locator(".ordering-list li").first().textContent();
  await question.getByRole("button", { name: /下移/ }).first().click();
  return async () => expect(await question.locator(".ordering-list li").nth(1).textContent()).toBe(first);
}

async function waitSaved(page: Page) {
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

test("a candidate's short interview: nothing lost on reload or offline, a report, a share link that can be revoked", async ({ page, browser, context }) => {
  test.setTimeout(180_000);
  await signUp(page, "candidate", "候选人甲");
  await page.getByRole("link", { name: "模拟面试" }).click();
  await expect(page.getByRole("heading", { name: "模拟面试", level: 1 })).toBeVisible();
  await page.getByLabel(/20 分钟/).check();
  await page.getByLabel(/初级/).check();
  await page.getByRole("button", { name: "开始面试" }).click();
  await expect(page).toHaveURL(/\/interview\/[0-9a-f-]{36}$/);
  const interviewUrl = page.url();
  const id = interviewUrl.split("/").pop()!;

  // The countdown comes from the server's deadline: 20 minutes, running.
  await expect(bar(page).getByTestId("interview-timer")).toHaveText(/^(19|20):\d\d$/);
  await expect(navigator(page).getByRole("button")).toHaveCount(9);
  await expect(answeredCount(page)).toHaveText("已作答 0/9");

  // Answer the first three questions, flag the second.
  const checks: (() => Promise<void>)[] = [];
  for (let index = 0; index < 3; index += 1) {
    checks.push(await answerShown(item(page)));
    if (index === 1) await item(page).getByRole("button", { name: /标记以便回看/ }).click();
    await page.getByRole("button", { name: "下一项 →" }).click();
  }
  await waitSaved(page);
  await expect(answeredCount(page)).toContainText("已作答 3/9");
  await expect(answeredCount(page)).toContainText("1 项已标记");

  // Nothing of the keys reached the page while it runs.
  const view = await (await page.request.get(`/api/interviews/${id}`)).text();
  for (const field of ["explanation", "correctAnswer", "accepted", "hints", "reference"]) expect(view).not.toContain(`"${field}"`);

  // A reload finds every answer and the flag.
  await page.reload();
  await expect(answeredCount(page)).toContainText("已作答 3/9");
  await expect(answeredCount(page)).toContainText("1 项已标记");
  for (const [index, check] of checks.entries()) {
    await navigator(page).getByRole("button").nth(index).click();
    await check();
  }
  await expect(navigator(page).getByRole("button").nth(1)).toHaveAccessibleName(/已标记/);

  // A second tab of the same interview: both are told.
  const second = await context.newPage();
  await second.goto(interviewUrl);
  await expect(second.getByTestId("other-tab")).toBeVisible();
  await expect(page.getByTestId("other-tab")).toBeVisible();
  await second.close();

  // Offline: an answer and code typed are kept on the device, then sent once back.
  await navigator(page).getByRole("button").nth(3).click();
  await context.setOffline(true);
  checks.push(await answerShown(item(page)));
  await navigator(page).getByRole("button").last().click();
  const editor = page.locator(".cm-content");
  await editor.click();
  await editor.press("Control+End");
  await editor.press("Enter");
  await editor.pressSequentially("# typed while offline");
  await expect(saveState(page)).toHaveAttribute("data-state", "offline");
  await expect(saveState(page)).toContainText("网络已断开");
  await context.setOffline(false);
  await waitSaved(page);
  const saved = (await (await page.request.get(`/api/interviews/${id}`)).json()) as {
    interview: { items: { kind: string; answer?: unknown; task?: { code: string } }[] };
  };
  expect(saved.interview.items.filter((entry) => entry.kind === "question" && entry.answer !== null)).toHaveLength(4);
  expect(saved.interview.items.find((entry) => entry.kind === "task")?.task?.code).toContain("# typed while offline");

  // The coding task handed in: no result until the end.
  await page.getByRole("button", { name: "提交这道题" }).click();
  await expect(page.getByTestId("task-status")).toContainText("评测结果在面试结束后公布");

  // Hand in: the report.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "交卷", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/interview/${id}/report$`));
  await expect(page.getByRole("heading", { name: "面试报告", level: 1 })).toBeVisible();
  // Once the coding task is graded the score and the concepts appear.
  await expect(page.getByText(/\d+(\.\d+)? \/ 12 分/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "按知识点", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "逐题回顾", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "编程题", exact: true })).toBeVisible();

  // The share link, opened signed out.
  await page.getByRole("button", { name: "生成分享链接" }).click();
  const link = await page.getByLabel("分享链接").inputValue();
  expect(link).toMatch(/\/interview\/shared\/[A-Za-z0-9_-]{32}$/);
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("heading", { name: /面试报告/, level: 1 })).toBeVisible();
  await expect(strangerPage.getByText("候选人甲", { exact: false }).first()).toBeVisible();
  await expect(strangerPage.getByTestId("signed-in-as")).toHaveCount(0);

  // Revoked: the link stops working.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "撤销链接" }).click();
  await expect(page.getByRole("button", { name: "生成分享链接" })).toBeVisible();
  const gone = await strangerPage.goto(link);
  expect(gone?.status()).toBe(404);
  await stranger.close();

  // The history lists it with its score.
  await page.goto("/interview");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("table")).toContainText(/\d+%/);
});

test("the deadline: the countdown runs out, the page hands in by itself, and the server refuses anything later", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "deadline");
  await page.goto("/interview");
  await page.getByRole("button", { name: "开始面试" }).click();
  await expect(page).toHaveURL(/\/interview\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await answerShown(item(page));
  await waitSaved(page);

  // The deadline moved to a few seconds from now (the server's clock): the page counts down to it after a reload.
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "InterviewSession" SET "endsAt" = now() + interval '8 seconds' WHERE id = $1`, [id]);
  } finally {
    await client.end();
  }
  await page.reload();
  // Either the page counted down and handed in, or (a slow machine) the deadline passed first and the server sent the report.
  await expect(page).toHaveURL(new RegExp(`/interview/${id}/report$`), { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "面试报告", level: 1 })).toBeVisible();
  await expect(page.getByText("到时自动交卷").first()).toBeVisible();

  const late = await page.request.put(`/api/interviews/${id}/flags`, { data: { position: 0, flagged: true }, headers: { origin: new URL(page.url()).origin } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { message: { "zh-CN": string } } }).error.message["zh-CN"]).toContain("面试已经结束");
  // Going back to the interview's page opens the report.
  await page.goto(`/interview/${id}`);
  await expect(page).toHaveURL(new RegExp(`/interview/${id}/report$`));
});

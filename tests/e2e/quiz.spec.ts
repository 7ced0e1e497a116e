// A student takes a practice quiz through the UI, in Chromium: every kind
// of question (quiz-coroutines holds all seven, and both modes of "predict
// the output"), each kind answered once right and once wrong over two
// attempts, feedback with the explanation and the tutorial reference after
// each answer, the score, a retry; the retry in English, with the ordering
// question done by keyboard alone. The answers come from the bank's files,
// as a student who knows them would give them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signUp } from "./support/student";

type Text = { "zh-CN": string; en: string };
type Question = {
  id: string;
  code?: string;
  kind: string;
  prompt: Text;
  explanation: Text;
  answer: unknown;
  options?: { id: string; text?: Text; output?: string }[];
  items?: { id: string; text: Text }[];
  tolerance?: number;
};
type Locale = "zh-CN" | "en";

const questionsDirectory = path.join(process.cwd(), "exercises/asyncio/questions");
const bank = new Map<string, Question>();
for (const file of readdirSync(questionsDirectory).filter((name) => name.endsWith(".json"))) {
  for (const question of (JSON.parse(readFileSync(path.join(questionsDirectory, file), "utf8")) as { questions: Question[] }).questions) {
    bank.set(question.id, question);
  }
}
const quiz = JSON.parse(readFileSync(path.join(process.cwd(), "exercises/asyncio/09-practice-quizzes/quiz-coroutines/quiz.json"), "utf8")) as {
  title: Text;
  questions: string[];
};

/** Markdown as the page shows it: no backticks or emphasis marks, spaces collapsed. */
const plain = (markdown: string) => markdown.replace(/\*\*|`/g, "").replace(/\s+/g, " ").trim();
/** The longest run of Chinese text of a question's explanation that its prompt, code and options do not also hold. */
function fragment(question: Question): string {
  const own = plain(JSON.stringify([question.prompt, question.options, question.items, question.code]));
  const runs = [...plain(question.explanation["zh-CN"]).matchAll(/[\u4e00-\u9fff，。、；：]{6,}/g)].map((match) => match[0]).filter((run) => !own.includes(run));
  return runs.sort((a, b) => b.length - a.length)[0]!;
}

const card = (page: Page) => page.locator("article.quiz-question");

/** The position of the option (choice text or output) among those shown. */
async function shownPosition(question: Locator, wanted: string): Promise<number> {
  const texts = (await question.locator(".quiz-choice-text").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());
  const position = texts.indexOf(wanted.replace(/\s+/g, " ").trim());
  expect(position, `${wanted} among ${JSON.stringify(texts)}`).toBeGreaterThanOrEqual(0);
  return position;
}

/** The options of a choice question, right ones first, as the page writes them. */
function optionTexts(question: Question, locale: Locale) {
  const options = question.options ?? [];
  const rightIds = Array.isArray(question.answer) ? (question.answer as string[]) : [question.answer as string];
  const text = (option: (typeof options)[number]) => (option.output !== undefined ? option.output : plain(option.text![locale]));
  const right = question.kind === "predict_output" ? options.filter((option) => option.output === question.answer) : options.filter((option) => rightIds.includes(option.id));
  const wrong = options.filter((option) => !right.includes(option));
  return { right: right.map(text), wrong: wrong.map(text) };
}

/** The items of an ordering question as shown now, in order. */
const shownItems = async (question: Locator) => (await question.locator(".ordering-text").allInnerTexts()).map((text) => text.trim());

/** Drags items with the pointer (mouse) until they stand in `target` order. */
async function dragInto(page: Page, question: Locator, target: string[]) {
  for (const [position, text] of target.entries()) {
    const handles = question.locator(".ordering-handle");
    const items = await shownItems(question);
    const from = items.indexOf(text);
    if (from === position) continue;
    // The mouse reaches only what is on screen.
    await question.locator(".ordering-list").scrollIntoViewIfNeeded();
    const source = (await handles.nth(from).boundingBox())!;
    const destination = (await handles.nth(position).boundingBox())!;
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(destination.x + destination.width / 2, destination.y + 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await shownItems(question)).indexOf(text)).toBe(position);
  }
}

/** Moves items with the keyboard alone (Space, arrow keys, Space) until they stand in `target` order. */
async function keyboardInto(question: Locator, target: string[]) {
  for (const [position, text] of target.entries()) {
    const from = (await shownItems(question)).indexOf(text);
    if (from === position) continue;
    const handle = question.getByRole("button", { name: text, exact: true });
    await handle.focus();
    await handle.press("Space");
    await expect(question.getByTestId("ordering-announcement")).toContainText(`Picked up “${text}”, position ${from + 1} of ${target.length}`);
    for (let step = from; step > position; step -= 1) await question.locator(":focus").press("ArrowUp");
    await question.locator(":focus").press("Space");
    await expect(question.getByTestId("ordering-announcement")).toHaveText(`“${text}” dropped at position ${position + 1} of ${target.length}.`);
  }
  expect(await shownItems(question)).toEqual(target);
}

type Plan = "right" | "wrong";

/** Answers the question on screen as planned, checks it, and returns its bank entry. */
async function answerShown(page: Page, plan: Plan, locale: Locale, ordering: "pointer" | "keyboard"): Promise<Question> {
  const question = card(page);
  const id = (await question.getAttribute("data-question-id"))!;
  const key = bank.get(id)!;
  await expect(question.getByRole("heading", { level: 2 })).toBeVisible();
  await expect(question.locator(".markdown").first()).toContainText(plain(key.prompt[locale]).slice(0, 12));
  const check = question.getByRole("button", { name: locale === "en" ? "Check" : "提交答案" });
  // Nothing entered yet, nothing to check (an ordering question always has an order).
  if (key.kind !== "ordering") await expect(check).toBeDisabled();
  switch (key.kind) {
    case "single_choice":
    case "predict_output": {
      if (key.kind === "predict_output" && !key.options) {
        await question.getByLabel(locale === "en" ? "The program's output" : "程序的输出").fill(plan === "right" ? (key.answer as string) : "Hello\nWorld\n");
        break;
      }
      const { right, wrong } = optionTexts(key, locale);
      await question.locator("label.quiz-choice").nth(await shownPosition(question, plan === "right" ? right[0]! : wrong[0]!)).click();
      break;
    }
    case "multiple_choice": {
      const { right, wrong } = optionTexts(key, locale);
      // Wrong: one right option and one wrong one.
      for (const text of plan === "right" ? right : [right[0]!, wrong[0]!]) {
        await question.locator("label.quiz-choice").nth(await shownPosition(question, text)).click();
      }
      break;
    }
    case "true_false":
      const value = plan === "right" ? key.answer === true : key.answer !== true;
      await question.getByRole("radio", { name: locale === "en" ? (value ? "True" : "False") : value ? "对" : "错", exact: true }).check();
      break;
    case "predict_duration":
      await expect(question.getByText(locale === "en" ? `within ±${key.tolerance ?? 0.05} s` : `±${key.tolerance ?? 0.05} 秒`)).toBeVisible();
      await question.getByLabel(locale === "en" ? "Duration (seconds)" : "用时(秒)").fill(String(plan === "right" ? (key.answer as number) + 0.04 : (key.answer as number) + 1));
      break;
    case "ordering": {
      const keyTexts = (key.answer as string[]).map((itemId) => plain(key.items!.find((item) => item.id === itemId)!.text[locale]));
      const target = plan === "right" ? keyTexts : [...keyTexts].reverse();
      if (ordering === "pointer") await dragInto(page, question, target);
      else await keyboardInto(question, target);
      break;
    }
    case "fill_blank": {
      const blanks = key.answer as string[][];
      for (const [index, accepted] of blanks.entries()) {
        const value = plan === "wrong" && index === blanks.length - 1 ? "gather" : ` ${accepted[0]!} `;
        await question.getByLabel(locale === "en" ? `blank ${index + 1}` : `空 ${index + 1}`, { exact: true }).fill(value);
      }
      break;
    }
  }
  await expect(check).toBeEnabled();
  await check.click();
  const verdict = question.getByTestId("quiz-verdict");
  if (plan === "right") await expect(verdict).toHaveText(locale === "en" ? "✓ Correct" : "✓ 回答正确");
  else if (key.kind === "fill_blank" || key.kind === "multiple_choice" || key.kind === "ordering") {
    await expect(verdict).toHaveText(locale === "en" ? /^(◐ Partly right: \d+%|✗ Incorrect)$/ : /^(◐ 部分正确:得 \d+%|✗ 回答错误)$/);
  } else await expect(verdict).toHaveText(locale === "en" ? "✗ Incorrect" : "✗ 回答错误");
  if (plan === "wrong") await expect(question.getByTestId("quiz-correct-answer")).toBeVisible();
  // The explanation and where to read up, in the page's language.
  await expect(question.getByRole("heading", { name: locale === "en" ? "Explanation" : "解析" })).toBeVisible();
  if (locale === "zh-CN") await expect(question.locator(".quiz-feedback")).toContainText(fragment(key));
  else await expect(question.locator(".quiz-feedback")).toContainText(plain(key.explanation.en).slice(0, 30));
  await expect(question.locator(".quiz-references li").first()).toContainText(locale === "en" ? "Tutorial" : "教程");
  return key;
}

test("a student takes a quiz with every kind of question, sees feedback and the score, and retries in English", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, "quiz");
  await page.goto("/quizzes");
  await page.getByRole("link", { name: quiz.title["zh-CN"] }).click();
  await expect(page.getByRole("heading", { level: 1, name: quiz.title["zh-CN"] })).toBeVisible();
  await expect(page.getByText(`${quiz.questions.length} 道题`)).toBeVisible();
  await page.getByRole("button", { name: "开始测验" }).click();
  await expect(page).toHaveURL(/\/quizzes\/quiz-coroutines\/attempts\/[0-9a-f-]{36}$/);

  // Before any answer, the page (and the data it carries) holds no explanation.
  const html = await (await page.request.get(page.url())).text();
  for (const id of quiz.questions) expect(html).not.toContain(fragment(bank.get(id)!));

  // First attempt, in Chinese, one question at a time: the first question of each kind right, the next of a kind wrong.
  const seen = new Map<string, number>();
  const plans: { kind: string; plan: Plan }[] = [];
  for (let index = 0; index < quiz.questions.length; index += 1) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`第 ${index + 1} / ${quiz.questions.length} 题`);
    const kind = (await card(page).getAttribute("data-kind"))!;
    const key = bank.get((await card(page).getAttribute("data-question-id"))!)!;
    const mode = kind === "predict_output" ? `${kind}:${key.options ? "chosen" : "typed"}` : kind;
    const plan: Plan = (seen.get(mode) ?? 0) === 0 ? "right" : "wrong";
    seen.set(mode, (seen.get(mode) ?? 0) + 1);
    await answerShown(page, plan, "zh-CN", "pointer");
    plans.push({ kind: mode, plan });
    if (index < quiz.questions.length - 1) await page.getByRole("button", { name: "下一题 →" }).click();
  }
  expect(new Set(plans.map((entry) => entry.kind.split(":")[0]))).toEqual(
    new Set(["single_choice", "multiple_choice", "true_false", "predict_output", "predict_duration", "ordering", "fill_blank"]),
  );
  // The navigator tells right from wrong in words too.
  await expect(page.getByRole("button", { name: "第 1 题, 答对" })).toBeVisible();
  const right = plans.filter((entry) => entry.plan === "right").length;
  await page.getByRole("button", { name: "交卷" }).click();
  await expect(page.getByTestId("quiz-score")).toHaveText(`得分 ${Math.round((right / quiz.questions.length) * 100)}%`);
  await expect(page.getByText(`答对 ${right} / ${quiz.questions.length} 题,未答 0 题。`)).toBeVisible();
  await expect(page.locator(".quiz-results article.quiz-question")).toHaveCount(quiz.questions.length);
  const firstAttempt = page.url();

  // Retry: a new attempt, and the rest in English.
  await page.getByRole("button", { name: "再做一次" }).click();
  await expect(page).not.toHaveURL(firstAttempt);
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("quiz-progress")).toHaveText(`Question 1 / ${quiz.questions.length}`);

  // All on one page, remembered across a reload.
  await page.getByRole("button", { name: "All on one page" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "All on one page" })).toHaveAttribute("aria-pressed", "true");
  await expect(card(page)).toHaveCount(quiz.questions.length);
  await page.getByRole("button", { name: "One at a time" }).click();

  // The kinds that had only one question are now answered the other way; ordering by keyboard alone.
  const once = [...seen.entries()].filter(([, count]) => count === 1).map(([mode]) => mode);
  const secondPlans: Plan[] = [];
  for (let index = 0; index < quiz.questions.length; index += 1) {
    await expect(page.getByTestId("quiz-progress")).toHaveText(`Question ${index + 1} / ${quiz.questions.length}`);
    const kind = (await card(page).getAttribute("data-kind"))!;
    const key = bank.get((await card(page).getAttribute("data-question-id"))!)!;
    const mode = kind === "predict_output" ? `${kind}:${key.options ? "chosen" : "typed"}` : kind;
    if (once.includes(mode)) {
      await answerShown(page, "wrong", "en", "keyboard");
      secondPlans.push("wrong");
    } else if (mode === "single_choice" && !secondPlans.includes("right")) {
      await answerShown(page, "right", "en", "keyboard");
      secondPlans.push("right");
    }
    if (index < quiz.questions.length - 1) await page.getByRole("button", { name: "Next →" }).click();
  }
  expect(secondPlans.filter((plan) => plan === "wrong").length).toBe(once.length);
  const unanswered = quiz.questions.length - secondPlans.length;
  await expect(page.getByText(`Not answered yet: ${unanswered}. Questions left unanswered count as 0 when you finish.`)).toBeVisible();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByTestId("quiz-score")).toHaveText(/^Score \d+%$/);
  await expect(page.getByText(new RegExp(`^\\d+ of ${quiz.questions.length} right, ${unanswered} not answered\\.$`))).toBeVisible();
  await expect(page.getByText("— Not answered")).toHaveCount(unanswered);

  // The quiz's page lists both attempts with their scores.
  await page.getByRole("link", { name: "Back to the quiz" }).first().click();
  await expect(page.locator("table.quiz-history tbody tr")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("a guest sees what a quiz covers and is asked to sign in, coming back to it", async ({ page }) => {
  await page.goto("/quizzes/quiz-coroutines");
  await expect(page.getByText("登录后就可以做这个测验")).toBeVisible();
  await expect(page.getByRole("button", { name: "开始测验" })).toHaveCount(0);
  await page.locator("main").getByRole("link", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=%2Fquizzes%2Fquiz-coroutines$/);
  await page.goto("/quizzes/no-such-quiz");
  await expect(page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
});

import { chromium, type Page } from "@playwright/test";
const base = "http://localhost:3403";
const out = "/tmp/quiz-shots";
async function main() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  for (const locale of ["zh", "en"] as const) {
    for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on("pageerror", (error) => console.log("pageerror", error.message));
      await page.goto(`${base}/signup`);
      await page.getByLabel("邮箱").fill(`shot-${locale}-${name}-${Date.now()}@example.org`);
      await page.getByLabel("密码").fill("a good password");
      await page.getByRole("button", { name: /^注册$/ }).click();
      await page.getByTestId("signed-in-as").waitFor();
      if (locale === "en") { await page.getByRole("button", { name: "English" }).click(); await page.getByRole("link", { name: "Quizzes" }).waitFor(); }
      await page.goto(`${base}/quizzes/quiz-coroutines`);
      await page.getByRole("button", { name: locale === "en" ? "Start the quiz" : "开始测验" }).click();
      await page.waitForURL(/attempts/);
      const T = (zh: string, en: string) => (locale === "en" ? en : zh);
      for (let index = 0; index < 12; index += 1) {
        const card = page.locator("article.quiz-question");
        const kind = (await card.getAttribute("data-kind"))!;
        const wrongish = index % 2 === 1;
        if (kind === "ordering") {
          if (index === 10 && name === "desktop") {
            const handle = card.locator(".ordering-handle").nth(1);
            await handle.focus(); await handle.press("Space");
            await page.screenshot({ path: `${out}/${locale}-${name}-q${index + 1}-ordering-lifted.png` });
            await card.locator(":focus").press("ArrowUp"); await card.locator(":focus").press("Space");
          } else await card.locator(".ordering-buttons button").nth(1).click();
        } else if (kind === "fill_blank") {
          for (const [i, v] of ["async", "await", "gather"].entries()) await card.getByLabel(T(`空 ${i + 1}`, `blank ${i + 1}`), { exact: true }).fill(v);
        } else if (kind === "predict_duration") {
          await card.getByRole("spinbutton").fill("2");
        } else if (kind === "true_false") {
          await card.getByRole("radio").first().check();
        } else if ((await card.locator("textarea").count()) > 0) {
          await card.locator("textarea").fill("Hello\n结果: World\n");
        } else {
          await card.locator("label.quiz-choice").nth(wrongish ? 1 : 0).click();
          if (kind === "multiple_choice") await card.locator("label.quiz-choice").nth(2).click();
        }
        await card.getByRole("button", { name: T("提交答案", "Check") }).click();
        await card.getByTestId("quiz-verdict").waitFor();
        await page.screenshot({ path: `${out}/${locale}-${name}-q${String(index + 1).padStart(2, "0")}-${kind}.png`, fullPage: true });
        if (index < 11) await page.getByRole("button", { name: T("下一题 →", "Next →") }).click();
      }
      await page.getByRole("button", { name: T("交卷", "Finish") }).click();
      await page.getByTestId("quiz-score").waitFor();
      await page.screenshot({ path: `${out}/${locale}-${name}-score.png` });
      await page.screenshot({ path: `${out}/${locale}-${name}-score-full.png`, fullPage: true });
      await page.goto(`${base}/quizzes/quiz-coroutines`);
      await page.screenshot({ path: `${out}/${locale}-${name}-overview.png`, fullPage: true });
      await page.goto(`${base}/quizzes`);
      await page.screenshot({ path: `${out}/${locale}-${name}-list.png`, fullPage: true });
      await context.close();
    }
  }
  await browser.close();
}
void main();

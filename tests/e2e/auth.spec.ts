import { expect, test, type Page } from "@playwright/test";

const uniqueEmail = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function fillAndSubmit(page: Page, fields: Record<string, string>, button: RegExp) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: button }).click();
}

test("a visitor signs up, signs out, and signs in again through the UI", async ({ page }) => {
  const email = uniqueEmail();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "课程目录" })).toBeVisible();
  await page.getByRole("link", { name: "注册" }).click();

  await fillAndSubmit(page, { 邮箱: email, "昵称(可选)": "E2E", 密码: "a good password" }, /^注册$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  await expect(page.getByTestId("signed-in-as")).toContainText("学生");

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();

  await page.getByRole("link", { name: "登录" }).click();
  await fillAndSubmit(page, { 邮箱: email, 密码: "a wrong password" }, /^登录$/);
  await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");

  await fillAndSubmit(page, { 邮箱: email, 密码: "a good password" }, /^登录$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "next-auth.session-token")?.httpOnly).toBe(true);
});

test("sign-up shows field errors in the chosen language and keeps the form", async ({ page }) => {
  await page.goto("/signup");
  await fillAndSubmit(page, { 邮箱: "not-an-email", 密码: "short" }, /^注册$/);
  await expect(page.getByText("邮箱格式不正确。")).toBeVisible();
  await expect(page.getByText("“密码”至少 8 个字符。")).toBeVisible();
  await expect(page.getByLabel("邮箱")).toHaveValue("not-an-email");
});

test("the language switch changes every label and persists across reloads", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Catalogue" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
});

test("the ADMIN_EMAIL account is an admin and makes a student a teacher on the Users page", async ({ page, browser }) => {
  const student = uniqueEmail();
  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await studentPage.goto("/signup");
  await fillAndSubmit(studentPage, { 邮箱: student, 密码: "a good password" }, /^注册$/);
  await expect(studentPage.getByTestId("signed-in-as")).toContainText("学生");
  await studentPage.goto("/admin/users");
  await expect(studentPage.getByRole("alert").filter({ hasText: "只有管理员" })).toBeVisible();

  await page.goto("/signup");
  await fillAndSubmit(page, { 邮箱: process.env.E2E_ADMIN_EMAIL ?? "admin-e2e@example.org", 密码: "an admin password" }, /^注册$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("管理员");
  await page.getByRole("link", { name: "用户管理" }).click();
  await page.getByLabel(student, { exact: true }).selectOption("TEACHER");
  await page.getByRole("row", { name: new RegExp(student) }).getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("row", { name: new RegExp(student) }).getByRole("status").first()).toHaveText("已保存");

  await studentPage.reload();
  await expect(studentPage.getByTestId("signed-in-as")).toContainText("教师");

  // Signed out everywhere by the admin: the student's next page is a guest's.
  await page.getByRole("button", { name: `让它在所有设备上退出: ${student}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(student) }).getByRole("status").last()).toHaveText("已退出所有设备");
  await studentPage.reload();
  await expect(studentPage.getByRole("link", { name: "登录" })).toBeVisible();
  await expect(studentPage.getByTestId("signed-in-as")).toHaveCount(0);
  await studentContext.close();
});

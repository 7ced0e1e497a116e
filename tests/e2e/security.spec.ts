// The security headers hold in a real browser: every page carries a CSP with
// a fresh nonce, Next's own scripts run under it (the page hydrates: the
// sign-up form works) with no CSP violation, and no other site can frame it.
import { expect, test } from "@playwright/test";

test("pages carry a nonce CSP that Next's scripts satisfy, and refuse framing", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/signup");
  const policy = first?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(first?.headers()["x-frame-options"]).toBe("DENY");
  expect(first?.headers()["x-content-type-options"]).toBe("nosniff");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const again = await request.get("/signup");
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);

  // Hydrated under the policy: the client-side form validates without a reload.
  await page.getByLabel("邮箱").fill("not-an-email");
  await page.getByLabel("密码").fill("short");
  await page.getByRole("button", { name: /^注册$/ }).click();
  await expect(page.getByText("邮箱格式不正确。")).toBeVisible();
  expect(violations).toEqual([]);

  const api = await request.get("/api/health");
  expect(api.headers()["cache-control"]).toContain("no-store");
  const broken = await request.get("/exercises/%E0%A4%A");
  expect(broken.status()).toBe(400);
  expect((await broken.json()).error.message.en).toContain("percent-encoding");
});

test("an unknown address answers 404 with a page in the visitor's language", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
  await expect(page.getByRole("link", { name: "回到课程目录" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  const exercise = await page.goto("/exercises/no-such-exercise");
  expect(exercise?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the catalogue" }).click();
  await expect(page).toHaveURL(/\/$/);
});

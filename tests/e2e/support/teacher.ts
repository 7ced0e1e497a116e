/**
 * What the end-to-end specs do as a teacher: become one (the role set in
 * the database, since admins promoting through /admin/users is auth.spec's
 * own test) and open a class through the page, reading back its join code.
 */
import { expect, type Page } from "@playwright/test";
import pg from "pg";

/** Makes an existing account a teacher; the next request sees the role (sessions read it from the database). */
export async function makeTeacher(email: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const updated = await client.query(`UPDATE "User" SET role = 'TEACHER' WHERE email = $1`, [email.toLowerCase()]);
    if (updated.rowCount !== 1) throw new Error(`makeTeacher: no account ${email}`);
  } finally {
    await client.end();
  }
}

/** Creates a class of the first course on /teach (the page in zh-CN) and returns its join code, as shown (ABCD-EFGH). */
export async function createClassViaUi(page: Page, name: string): Promise<string> {
  await page.goto("/teach");
  const form = page.getByTestId("create-class");
  await form.getByLabel("班级名称").fill(name);
  await form.getByRole("button", { name: "创建班级" }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/[0-9a-f-]+\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  return code;
}

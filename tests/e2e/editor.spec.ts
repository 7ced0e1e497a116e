// The code editor on a real exercise page, driven only by the keyboard:
// auto-indent, closing brackets, Tab / Shift-Tab on a selection, undo,
// Ctrl+Enter to submit, and Esc-then-Tab to leave it (no keyboard trap).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/student";

const solution = readFileSync(path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users/solution.py"), "utf8");

/** The editor's lines as it shows them (CodeMirror draws one .cm-line per line). */
const editorLines = (page: Page) => page.locator(".cm-content .cm-line").allTextContents();

test("a student writes code in the editor with the keyboard and submits it with Ctrl+Enter", async ({ page }) => {
  await signUp(page, "editor");
  await page.goto("/exercises/gather-three-users");

  // The label names the editor's textbox; the hint under it describes it.
  const editor = page.getByRole("textbox", { name: "你的代码" });
  await expect(editor).toContainText("TODO");
  await expect(editor).toHaveAttribute("aria-describedby", /.+/);
  await expect(page.getByText("Ctrl+Enter 提交 · Ctrl+' 运行 · 按 Esc 再按 Tab 可离开编辑器")).toBeVisible();
  await expect(page.locator(".cm-gutter.cm-lineNumbers")).toBeVisible();

  await editor.click();
  await editor.press("Control+a");
  await editor.press("Delete");
  await expect.poll(() => editorLines(page)).toEqual([""]);

  // Enter after a colon indents by four spaces; a typed ")" steps over the one closeBrackets added.
  await editor.pressSequentially("async def main():");
  await editor.press("Enter");
  await editor.pressSequentially("print(1)");
  await expect.poll(() => editorLines(page)).toEqual(["async def main():", "    print(1)"]);
  await expect(page.locator(".tok-keyword", { hasText: "async" })).toBeVisible();

  // A new top-level two-line selection: Tab indents both lines, Shift+Tab dedents them.
  await editor.press("Enter");
  await editor.press("Backspace"); // back to column 0: Backspace removes one indent unit
  await editor.pressSequentially("a = 1");
  await editor.press("Enter");
  await editor.pressSequentially("b = 2");
  await expect.poll(() => editorLines(page)).toEqual(["async def main():", "    print(1)", "a = 1", "b = 2"]);
  await editor.press("Shift+ArrowUp");
  await editor.press("Tab");
  await expect.poll(() => editorLines(page)).toEqual(["async def main():", "    print(1)", "    a = 1", "    b = 2"]);
  await expect(editor).toBeFocused(); // Tab indents; it does not move focus
  await editor.press("Shift+Tab");
  await expect.poll(() => editorLines(page)).toEqual(["async def main():", "    print(1)", "a = 1", "b = 2"]);
  await editor.press("Tab");

  // Ctrl+Z undoes the last indent, then Ctrl+Y redoes it.
  await editor.press("Control+z");
  await expect.poll(() => editorLines(page)).toEqual(["async def main():", "    print(1)", "a = 1", "b = 2"]);
  await editor.press("Control+y");
  await expect.poll(() => editorLines(page)).toEqual(["async def main():", "    print(1)", "    a = 1", "    b = 2"]);

  // The bracket under the cursor and its partner are marked.
  await editor.press("Control+Home");
  await editor.press("End");
  await editor.press("ArrowLeft"); // just after the ")" of main()
  await expect(page.locator(".cm-matchingBracket")).toHaveCount(2);

  // Ctrl+Enter submits what the editor holds (and inserts no blank line).
  await editor.fill(solution);
  await expect.poll(async () => (await editorLines(page)).join("\n")).toBe(solution);
  const linesBefore = await editorLines(page);
  await editor.press("Control+Enter");
  await expect(page.getByTestId("verdict")).toHaveText("通过", { timeout: 30_000 });
  await expect(page.locator(".history li")).toHaveCount(1);
  expect(await editorLines(page)).toEqual(linesBefore);

  // Esc, then Tab, leaves the editor for the next control: the Run button.
  await editor.click();
  await editor.press("Escape");
  await editor.press("Tab");
  await expect(editor).not.toBeFocused();
  await expect(page.getByRole("button", { name: "运行", exact: true })).toBeFocused();
  // Shift+Tab from there comes back into the editor, where Tab indents again.
  await page.keyboard.press("Shift+Tab");
  await expect(editor).toBeFocused();
});

test("the editor speaks the page's language and fits a phone's width", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page, "editor-phone");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Student");
  await page.goto("/exercises/gather-three-users");
  const editor = page.getByRole("textbox", { name: "Your code" });
  await expect(editor).toContainText("TODO");
  await expect(page.getByText("Ctrl+Enter submits · Ctrl+' runs · Esc, then Tab, leaves the editor")).toBeVisible();
  // No sideways scrolling of the page: long lines wrap inside the editor.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await page.locator(".cm-editor").boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(375);
});

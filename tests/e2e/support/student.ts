/** What the end-to-end specs do as a student: sign up through the page, type into the code editor as a person would. */
import { expect, type Locator, type Page } from "@playwright/test";

export async function signUp(page: Page, prefix: string, name?: string): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  await page.goto("/signup");
  await page.getByLabel("邮箱").fill(email);
  if (name) await page.getByLabel("昵称(可选)").fill(name);
  await page.getByLabel("密码").fill("a good password");
  await page.getByRole("button", { name: /^注册$/ }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
  return email;
}

/** The editor's lines as CodeMirror shows them. */
export const editorLines = (page: Page) => page.locator(".cm-content .cm-line").allTextContents();

/**
 * Types `code` key by key into the CodeMirror editor, replacing what is
 * there. The editor indents by itself after Enter, so before each line the
 * typist corrects the indentation it was given (spaces, or Backspace, which
 * removes one indent unit), as a person would. Brackets the editor closes
 * by itself are stepped over when typed: keep each bracket pair on one line.
 */
export async function typeCode(page: Page, editor: Locator, code: string) {
  await editor.click();
  await editor.press("Control+a");
  await editor.press("Delete");
  const lines = code.replace(/\n+$/, "").split("\n");
  for (const [index, line] of lines.entries()) {
    if (index > 0) await editor.press("Enter");
    const given = ((await page.locator(".cm-activeLine").textContent()) ?? "").match(/^ */)?.[0].length ?? 0;
    const wanted = line.match(/^ */)?.[0].length ?? 0;
    const text = line.trimStart();
    if (text === "") {
      // A blank line: clear the offered indentation.
      for (let column = given; column > 0; column -= 4) await editor.press("Backspace");
      continue;
    }
    for (let column = given; column > wanted; column -= 4) await editor.press("Backspace");
    if (wanted > given) await editor.pressSequentially(" ".repeat(wanted - Math.min(given, wanted)));
    await editor.pressSequentially(text);
  }
  await expect.poll(() => editorLines(page)).toEqual(lines);
}

export type LaneSpan = { title: string; from: number; to: number };

/** Each task's life on the timeline whose title starts with `prefix`, read from its bars' times. */
export async function laneSpans(page: Page, prefix: string): Promise<LaneSpan[]> {
  return page.getByTestId("timeline-lane").evaluateAll(
    (lanes, start) =>
      lanes
        .map((lane) => {
          const bars = [...lane.querySelectorAll<HTMLElement>("[data-testid=timeline-segment]")];
          return {
            title: lane.querySelector(".tl-name")?.textContent ?? "",
            from: Math.min(...bars.map((bar) => Number(bar.dataset.from))),
            to: Math.max(...bars.map((bar) => Number(bar.dataset.to))),
          };
        })
        .filter((lane) => lane.title.startsWith(start)),
    prefix,
  );
}

/** Whether any two of the spans share time. */
export function overlap(spans: LaneSpan[]): boolean {
  return spans.some((a, i) => spans.some((b, j) => i < j && a.from < b.to - 1e-9 && b.from < a.to - 1e-9));
}

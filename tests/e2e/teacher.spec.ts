// The teacher's day as the issue tells it: a teacher opens a class, a
// student joins with its code and submits, the teacher sees the student's
// cell change on the progress matrix, opens the submission with its tests
// and timeline, and exports the matrix as CSV (UTF-8 with a BOM, the
// student's Chinese name intact).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/student";
import { createClassViaUi, makeTeacher } from "./support/teacher";

const exercise = path.join(process.cwd(), "exercises/asyncio/02-concurrency/gather-three-users");
const solution = readFileSync(path.join(exercise, "solution.py"), "utf8");
// The course's own known-wrong solution: awaits the three calls one after another.
const sequential = readFileSync(path.join(exercise, "wrong/sequential-awaits.py"), "utf8");

test("a teacher follows a student from joining to a graded submission, and exports the matrix", async ({ browser }) => {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await makeTeacher(await signUp(teacher, "journey-teacher"));
  const className = `周三下午班 ${Date.now()}`;
  const code = await createClassViaUi(teacher, className);
  const classUrl = teacher.url().replace(/\/settings$/, "");

  // The student: signs up with a Chinese name, joins with the code typed on /classes.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const studentName = `李小龙${Date.now() % 10_000}`;
  await signUp(student, "journey-student", studentName);
  await student.goto("/classes");
  await student.getByRole("textbox", { name: "邀请码" }).fill(code);
  await student.getByRole("button", { name: "加入", exact: true }).click();
  await expect(student.getByTestId("my-class")).toContainText(className);

  // Before any work: the student's row on the matrix, the exercise not started.
  await teacher.goto(classUrl);
  const row = teacher.getByRole("row", { name: new RegExp(studentName) });
  await expect(row).toBeVisible();
  const cell = row.getByRole("link", { name: /gather-three-users/ });
  await expect(cell).toHaveAccessibleName(/未开始/);

  // The student submits a sequential solution first (fails on time), then the right one.
  await student.goto("/exercises/gather-three-users");
  const editor = student.getByRole("textbox", { name: "你的代码" });
  await editor.fill(sequential);
  await student.getByRole("button", { name: "提交", exact: true }).click();
  await expect(student.getByTestId("verdict")).toBeVisible({ timeout: 30_000 });
  await expect(student.getByTestId("verdict")).not.toHaveText("通过");

  await teacher.reload();
  await expect(cell).toHaveAccessibleName(/已尝试/);

  await editor.fill(solution);
  await student.getByRole("button", { name: "提交", exact: true }).click();
  await expect(student.getByTestId("verdict")).toHaveText("通过", { timeout: 30_000 });

  await teacher.reload();
  await expect(cell).toHaveAccessibleName(/已完成/);
  await expect(cell).toContainText("100%");

  // The drill-down: both submissions, newest first, with tests, code, the diff and the timeline.
  await cell.click();
  await expect(teacher.getByRole("heading", { level: 1 })).toContainText(studentName);
  const submissions = teacher.locator("article.drill-submission");
  await expect(submissions).toHaveCount(2);
  await expect(teacher.getByText("通过").first()).toBeVisible();
  const first = submissions.last();
  await expect(first).toContainText(sequential.split("\n").find((line) => line.includes("await get_user"))!.trim());
  await teacher.locator("details.drill-timeline summary").first().click();
  await expect(teacher.getByTestId("timeline-lane").first()).toBeVisible();

  // The export: a CSV download with a BOM, the student's Chinese name and the solved cell.
  await teacher.goto(classUrl);
  const downloading = teacher.waitForEvent("download");
  await teacher.getByRole("link", { name: "导出 CSV" }).click();
  const download = await downloading;
  const file = readFileSync((await download.path())!);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = file.subarray(3).toString("utf8");
  const line = text.split("\r\n").find((candidate) => candidate.includes(studentName) && candidate.includes("gather-three-users"));
  expect(line).toBeDefined();
  expect(line).toMatch(/solved/);

  await teacherContext.close();
  await studentContext.close();
});

// A class's life as its teacher and a student see it: the teacher opens a
// class and copies its code, a student signs up and joins through the join
// link, sees the class among theirs; the teacher finds them on the roster
// and removes them, and the class is gone from the student's page.
import { expect, test } from "@playwright/test";
import { signUp } from "./support/student";
import { createClassViaUi, makeTeacher } from "./support/teacher";

test("a teacher creates a class, a student joins with its link, the teacher removes them", async ({ browser, baseURL }) => {
  const teacherContext = await browser.newContext();
  await teacherContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const teacher = await teacherContext.newPage();
  const teacherEmail = await signUp(teacher, "teacher");
  await makeTeacher(teacherEmail);

  await teacher.goto("/teach");
  await expect(teacher.getByTestId("teach-empty")).toBeVisible();
  const name = `异步编程 ${Date.now()}`;
  const code = await createClassViaUi(teacher, name);
  await teacher.getByRole("button", { name: "复制邀请码" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "已复制" })).toBeVisible();
  expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(code);
  const settingsUrl = teacher.url();

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const studentEmail = await signUp(student, "student");
  await student.goto(`/join/${code.toLowerCase()}`);
  await expect(student.getByTestId("join-class-name")).toHaveText(name);
  await student.getByRole("button", { name: "加入班级" }).click();
  await expect(student).toHaveURL(/\/classes$/);
  await expect(student.getByTestId("my-class")).toHaveCount(1);
  await expect(student.getByTestId("my-class")).toContainText(name);

  await teacher.goto(settingsUrl);
  const roster = teacher.getByTestId("roster");
  await expect(roster.getByRole("row", { name: new RegExp(studentEmail) })).toBeVisible();
  teacher.once("dialog", (dialog) => void dialog.accept());
  await roster.getByRole("button", { name: `移出班级: ${studentEmail}` }).click();
  await expect(teacher.getByTestId("roster")).toHaveCount(0);
  await expect(teacher.getByText("还没有学生加入")).toBeVisible();

  await student.goto("/classes");
  await expect(student.getByTestId("classes-empty")).toBeVisible();

  await teacherContext.close();
  await studentContext.close();
});

test("a revoked code opens nothing, and the join page offers to type another", async ({ browser }) => {
  const context = await browser.newContext();
  const teacher = await context.newPage();
  await makeTeacher(await signUp(teacher, "revoker"));
  const code = await createClassViaUi(teacher, `Revoked ${Date.now()}`);
  teacher.once("dialog", (dialog) => void dialog.accept());
  await teacher.getByRole("button", { name: "撤销邀请码" }).click();
  await expect(teacher.getByTestId("join-code-revoked")).toBeVisible();

  await teacher.goto(`/join/${code}`);
  await expect(teacher.getByTestId("join-invalid")).toBeVisible();
  await expect(teacher.getByTestId("join-code-form").getByLabel("邀请码")).toBeVisible();
  await context.close();
});

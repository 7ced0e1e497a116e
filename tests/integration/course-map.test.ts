/**
 * The course map, "My progress" and previous/next against a real PostgreSQL:
 * a small course synced by content:sync's own code, then progress rows,
 * submissions and quiz attempts as the grader and the quiz pages write them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { formatProblem, loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { getCourseMap, type CourseMap, type CourseMapItem } from "@/lib/progress/get-course-map";
import { getMyProgress, RECENT_ACTIVITY } from "@/lib/progress/get-my-progress";
import { markLessonRead } from "@/lib/progress/mark-lesson-read";
import { getLessonReadAt } from "@/lib/progress/get-lesson-read-at";
import { getNeighbours } from "@/lib/catalogue/get-neighbours";
import { getExercise } from "@/lib/catalogue/get-exercise";
import { getLesson } from "@/lib/catalogue/get-lesson";
import { AppError } from "@/lib/errors";
import { writeCourse } from "../support/write-course";

const id = (n: number) => `5a1e0c00-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ids = {
  course: id(1),
  basics: id(2),
  more: id(3),
  lessonA: id(10),
  exerciseOne: id(11),
  quizOne: id(12),
  exerciseTwo: id(13),
  lessonB: id(14),
  question: id(20),
};

const STARTER = "import asyncio\n\n\nasync def main():\n    # zh: TODO: 并发运行\n    # en: TODO: run them concurrently\n    await asyncio.sleep(1)  # zh: 一秒 # en: one second\n";

const at = (iso: string) => new Date(iso);
let users: { ada: string; bo: string; cy: string };

async function createUser(email: string) {
  return (await prisma.user.create({ data: { email, passwordHash: "not-used" } })).id;
}

const itemsOf = (map: CourseMap) => map.courses.flatMap((course) => course.chapters.flatMap((chapter) => chapter.items));
const bySlug = (map: CourseMap, slug: string) => itemsOf(map).find((item) => item.slug === slug) as CourseMapItem;

beforeAll(async () => {
  const root = await writeCourse({
    id: ids.course,
    slug: "asyncio",
    title: "Asyncio",
    description: "Practise asyncio",
    chapters: [
      {
        id: ids.basics,
        slug: "basics",
        title: "Basics",
        items: [
          { kind: "lesson", id: ids.lessonA, slug: "lesson-a", title: "Lesson A", concepts: ["await"], seeds: [{ seed: "001", section: "2.1" }, { seed: "001", section: "intro" }] },
          {
            kind: "exercise",
            id: ids.exerciseOne,
            slug: "exercise-one",
            title: "Exercise one",
            concepts: ["gather", "await"],
            difficulty: "beginner",
            estimatedMinutes: 12,
            starter: STARTER,
            seeds: [{ seed: "001", section: "5.1" }],
          },
          { kind: "quiz", id: ids.quizOne, slug: "quiz-one", title: "Quiz one", concepts: ["gather"], questionId: ids.question },
        ],
      },
      {
        id: ids.more,
        slug: "more",
        title: "More",
        items: [
          { kind: "exercise", id: ids.exerciseTwo, slug: "exercise-two", title: "Exercise two", concepts: ["create-task"], difficulty: "advanced" },
          { kind: "lesson", id: ids.lessonB, slug: "lesson-b", title: "Lesson B" },
        ],
      },
    ],
  });
  const content = await loadContent(root);
  expect(content.errors.map((problem) => formatProblem(problem))).toEqual([]);
  await syncContent(content);
  users = { ada: await createUser("ada@example.org"), bo: await createUser("bo@example.org"), cy: await createUser("cy@example.org") };

  // Ada: solved exercise one, passed the quiz on her second try, is half way through exercise two.
  await prisma.progress.create({
    data: { userId: users.ada, itemId: ids.exerciseOne, bestScore: 1, attempts: 2, solvedAt: at("2026-12-01T10:00:00Z"), lastAttemptAt: at("2026-12-01T10:00:00Z") },
  });
  await prisma.progress.create({
    data: { userId: users.ada, itemId: ids.exerciseTwo, bestScore: 0.4, attempts: 1, lastAttemptAt: at("2026-12-03T01:00:00Z") },
  });
  await prisma.quizAttempt.createMany({
    data: [
      { userId: users.ada, itemId: ids.quizOne, questionIds: [ids.question], startedAt: at("2026-12-02T09:00:00Z"), submittedAt: at("2026-12-02T09:05:00Z"), score: 0.5 },
      { userId: users.ada, itemId: ids.quizOne, questionIds: [ids.question], startedAt: at("2026-12-02T09:10:00Z"), submittedAt: at("2026-12-02T09:15:00Z"), score: 0.9 },
    ],
  });
  // Bo: read lesson A, then solved exercise one; nothing since.
  await prisma.progress.create({
    data: { userId: users.bo, itemId: ids.lessonA, bestScore: 1, attempts: 0, solvedAt: at("2026-12-01T08:00:00Z"), lastAttemptAt: at("2026-12-01T08:00:00Z") },
  });
  await prisma.progress.create({
    data: { userId: users.bo, itemId: ids.exerciseOne, bestScore: 1, attempts: 1, solvedAt: at("2026-12-01T09:00:00Z"), lastAttemptAt: at("2026-12-01T09:00:00Z") },
  });
  // A perfect quiz inside a mock interview is the interview's, not the quiz item's.
  const interview = await prisma.interviewSession.create({ data: { userId: users.bo, config: {}, endsAt: at("2026-12-02T11:00:00Z") } });
  await prisma.quizAttempt.create({
    data: { userId: users.bo, itemId: ids.quizOne, interviewSessionId: interview.id, questionIds: [ids.question], submittedAt: at("2026-12-02T10:30:00Z"), score: 1 },
  });
});

describe("the synced content", () => {
  it("names each source by the tutorial's title and section, and keeps the starter in each language", async () => {
    const exercise = await getExercise("exercise-one", null);
    expect(exercise?.sources).toEqual([{ tutorial: "一文学会 Python 异步编程!", section: "5.1", title: "任务取消:task.cancel ()" }]);
    expect(exercise?.starter.en).toBe("import asyncio\n\n\nasync def main():\n    # TODO: run them concurrently\n    await asyncio.sleep(1)  # one second\n");
    expect(exercise?.starter["zh-CN"]).toBe("import asyncio\n\n\nasync def main():\n    # TODO: 并发运行\n    await asyncio.sleep(1)  # 一秒\n");
    expect((await getLesson("lesson-a"))?.sources).toEqual([
      { tutorial: "一文学会 Python 异步编程!", section: "2.1", title: "第一步:用 async 定义协程函数" },
      { tutorial: "一文学会 Python 异步编程!", section: null, title: "开头:能不能 2 秒搞定" },
    ]);
  });
});

describe("getCourseMap", () => {
  it("gives a guest the course, chapters and items in order, with what each asks but no statuses", async () => {
    const map = await getCourseMap(null);
    expect(map.signedIn).toBe(false);
    expect(map.courses).toHaveLength(1);
    const course = map.courses[0]!;
    expect(course).toMatchObject({ slug: "asyncio", title: { en: "Asyncio" }, description: { "zh-CN": "中文 Practise asyncio", en: "Practise asyncio" }, continueAt: null });
    expect(course.chapters.map((chapter) => [chapter.slug, chapter.items.map((item) => item.slug)])).toEqual([
      ["basics", ["lesson-a", "exercise-one", "quiz-one"]],
      ["more", ["exercise-two", "lesson-b"]],
    ]);
    expect(bySlug(map, "exercise-one")).toMatchObject({
      kind: "EXERCISE",
      href: "/exercises/exercise-one",
      title: { "zh-CN": "中文 Exercise one", en: "Exercise one" },
      difficulty: "beginner",
      estimatedMinutes: 12,
      concepts: ["gather", "await"],
      status: "not-started",
      bestScore: null,
      attempts: 0,
    });
    expect(bySlug(map, "quiz-one")).toMatchObject({ href: "/quizzes/quiz-one", difficulty: null, estimatedMinutes: 5 });
    expect(bySlug(map, "lesson-a")).toMatchObject({ href: "/lessons/lesson-a", estimatedMinutes: 10, concepts: ["await"] });
    expect(itemsOf(map).every((item) => item.status === "not-started")).toBe(true);
  });

  it("gives a student their status, best score and attempts on each item, and resumes the unsolved item they touched last", async () => {
    const map = await getCourseMap(users.ada);
    expect(map.signedIn).toBe(true);
    expect(itemsOf(map).map((item) => [item.slug, item.status, item.bestScore, item.attempts])).toEqual([
      ["lesson-a", "not-started", null, 0],
      ["exercise-one", "solved", 1, 2],
      ["quiz-one", "solved", 0.9, 2],
      ["exercise-two", "attempted", 0.4, 1],
      ["lesson-b", "not-started", null, 0],
    ]);
    expect(map.courses[0]!.continueAt).toMatchObject({ reason: "resume", item: { slug: "exercise-two" }, chapter: { en: "More" }, after: null });
  });

  it("goes on after the item solved last, and ignores quiz attempts made in a mock interview", async () => {
    const map = await getCourseMap(users.bo);
    expect(bySlug(map, "lesson-a").status).toBe("solved");
    expect(bySlug(map, "quiz-one")).toMatchObject({ status: "not-started", bestScore: null, attempts: 0 });
    expect(map.courses[0]!.continueAt).toMatchObject({ reason: "next", item: { slug: "quiz-one" }, after: { slug: "exercise-one" } });
  });

  it("starts a new student at the first item, and leaves out archived items", async () => {
    expect((await getCourseMap(users.cy)).courses[0]!.continueAt).toMatchObject({ reason: "start", item: { slug: "lesson-a" } });
    await prisma.courseItem.update({ where: { id: ids.lessonB }, data: { archivedAt: new Date() } });
    try {
      expect(itemsOf(await getCourseMap(users.cy)).map((item) => item.slug)).not.toContain("lesson-b");
    } finally {
      await prisma.courseItem.update({ where: { id: ids.lessonB }, data: { archivedAt: null } });
    }
  });

  it("follows a draft as a visit: the exercise being typed is where to continue", async () => {
    const student = await createUser("drafter@example.org");
    await prisma.progress.create({
      data: { userId: student, itemId: ids.exerciseOne, bestScore: 1, attempts: 1, solvedAt: at("2026-12-01T09:00:00Z"), lastAttemptAt: at("2026-12-01T09:00:00Z") },
    });
    await prisma.draft.create({ data: { userId: student, itemId: ids.exerciseTwo, code: "import asyncio\n" } });
    expect((await getCourseMap(student)).courses[0]!.continueAt).toMatchObject({ reason: "resume", item: { slug: "exercise-two", status: "not-started" } });
  });
});

describe("markLessonRead", () => {
  it("marks a lesson read once, keeps the first time, and refuses what is not a live lesson", async () => {
    const student = await createUser("reader@example.org");
    await markLessonRead(student, ids.lessonA, at("2026-12-02T08:00:00Z"));
    await markLessonRead(student, ids.lessonA, at("2026-12-03T08:00:00Z"));
    expect(await getLessonReadAt(student, ids.lessonA)).toEqual(at("2026-12-02T08:00:00Z"));
    expect(await prisma.progress.count({ where: { userId: student } })).toBe(1);
    const map = await getCourseMap(student);
    expect(bySlug(map, "lesson-a")).toMatchObject({ status: "solved", bestScore: null, attempts: 0 });
    expect(map.courses[0]!.continueAt).toMatchObject({ reason: "next", item: { slug: "exercise-one" } });
    await expect(markLessonRead(student, ids.exerciseOne)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markLessonRead(student, id(999))).rejects.toBeInstanceOf(AppError);
  });
});

describe("getNeighbours", () => {
  it("links items in course order across chapters, skipping archived ones", async () => {
    expect(await getNeighbours("quiz-one")).toMatchObject({ previous: { slug: "exercise-one", href: "/exercises/exercise-one" }, next: { slug: "exercise-two" } });
    expect(await getNeighbours("lesson-a")).toMatchObject({ previous: null, next: { slug: "exercise-one" } });
    expect(await getNeighbours("lesson-b")).toMatchObject({ previous: { slug: "exercise-two" }, next: null });
    await prisma.courseItem.update({ where: { id: ids.quizOne }, data: { archivedAt: new Date() } });
    try {
      expect(await getNeighbours("exercise-one")).toMatchObject({ previous: { slug: "lesson-a" }, next: { slug: "exercise-two", href: "/exercises/exercise-two" } });
    } finally {
      await prisma.courseItem.update({ where: { id: ids.quizOne }, data: { archivedAt: null } });
    }
    expect(await getNeighbours("no-such-item")).toEqual({ previous: null, next: null });
  });
});

describe("getMyProgress", () => {
  it("counts what is solved, and each concept's mastery over the exercises and quizzes tagged with it", async () => {
    const progress = await getMyProgress(users.ada, { timeZone: "UTC", now: at("2026-12-03T12:00:00Z") });
    expect(progress.exercises).toEqual({ solved: 1, total: 2 });
    expect(progress.quizzes).toEqual({ passed: 1, total: 1 });
    expect(progress.lessons).toEqual({ read: 0, total: 2 });
    expect(progress.concepts).toEqual([
      // Lesson A carries "await" too: lessons do not count.
      { concept: "gather", mastered: 2, total: 2, ratio: 1 },
      { concept: "await", mastered: 1, total: 1, ratio: 1 },
      { concept: "create-task", mastered: 0, total: 1, ratio: 0 },
    ]);
  });

  it("lists the latest submissions and quiz attempts, newest first, without regrades or interviews", async () => {
    const student = await createUser("busy@example.org");
    const submission = (minute: number, extra: object = {}) => ({
      userId: student,
      itemId: ids.exerciseOne,
      code: "pass",
      status: "DONE" as const,
      verdict: "FAILED" as const,
      score: 0.5,
      queuedAt: new Date(Date.UTC(2026, 11, 3, 8, minute)),
      ...extra,
    });
    await prisma.submission.createMany({ data: Array.from({ length: RECENT_ACTIVITY }, (_, minute) => submission(minute)) });
    const latest = await prisma.submission.create({ data: submission(40, { verdict: "PASSED", score: 1 }) });
    await prisma.submission.create({ data: submission(50, { regradeOfId: latest.id }) });
    await prisma.submission.create({ data: submission(55, { status: "QUEUED", verdict: null, score: null }) });
    const attempt = await prisma.quizAttempt.create({
      data: { userId: student, itemId: ids.quizOne, questionIds: [ids.question], submittedAt: new Date(Date.UTC(2026, 11, 3, 8, 45)), score: 0.8 },
    });
    await prisma.quizAttempt.create({ data: { userId: student, itemId: ids.quizOne, questionIds: [ids.question] } }); // started, never submitted

    const { activity } = await getMyProgress(student, { timeZone: "UTC", now: at("2026-12-03T12:00:00Z") });
    expect(activity).toHaveLength(RECENT_ACTIVITY);
    expect(activity.slice(0, 3)).toMatchObject([
      { type: "submission", status: "QUEUED", verdict: null, item: { slug: "exercise-one", href: "/exercises/exercise-one", title: { en: "Exercise one" } } },
      { type: "quiz", id: attempt.id, score: 0.8, item: { slug: "quiz-one", kind: "QUIZ", href: "/quizzes/quiz-one" } },
      { type: "submission", id: latest.id, verdict: "PASSED", score: 1 },
    ]);
    expect(activity.map((entry) => entry.at.getTime())).toEqual([...activity.map((entry) => entry.at.getTime())].sort((a, b) => b - a));
    expect(activity.every((entry) => entry.at.getTime() !== Date.UTC(2026, 11, 3, 8, 50))).toBe(true); // the regrade
  });

  it("counts a streak in the student's time zone, with submissions and quiz answers, not regrades", async () => {
    const student = await createUser("streak@example.org");
    const submit = (iso: string, extra: object = {}) =>
      prisma.submission.create({ data: { userId: student, itemId: ids.exerciseOne, code: "pass", queuedAt: at(iso), ...extra } });
    const first = await submit("2026-12-03T01:00:00Z"); // Shanghai: Dec 3, 09:00 · UTC: Dec 3
    await submit("2026-11-30T17:00:00Z"); // Shanghai: Dec 1, 01:00 · UTC: Nov 30
    await submit("2026-11-29T20:00:00Z", { regradeOfId: first.id }); // Shanghai: Nov 30 — a regrade, not the student's
    const attempt = await prisma.quizAttempt.create({ data: { userId: student, itemId: ids.quizOne, questionIds: [ids.question] } });
    await prisma.quizAnswer.create({
      data: { attemptId: attempt.id, questionId: ids.question, answer: false, correct: true, score: 1, answeredAt: at("2026-12-01T16:30:00Z") }, // Shanghai: Dec 2, 00:30
    });

    const now = at("2026-12-03T12:00:00Z");
    const shanghai = await getMyProgress(student, { timeZone: "Asia/Shanghai", now });
    expect(shanghai.streak).toEqual({ current: 3, longest: 3, activeToday: true });
    expect(shanghai.timeZone).toBe("Asia/Shanghai");
    const utc = await getMyProgress(student, { timeZone: "UTC", now });
    // In UTC the same moments fall on Nov 30, Dec 1 and Dec 3: a gap on Dec 2.
    expect(utc.streak).toEqual({ current: 1, longest: 2, activeToday: true });
    // The next day, before anything new: yesterday's run still counts; the day after, it is over.
    expect((await getMyProgress(student, { timeZone: "Asia/Shanghai", now: at("2026-12-04T12:00:00Z") })).streak).toEqual({ current: 3, longest: 3, activeToday: false });
    expect((await getMyProgress(student, { timeZone: "Asia/Shanghai", now: at("2026-12-05T12:00:00Z") })).streak.current).toBe(0);
  });
});

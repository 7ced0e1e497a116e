/**
 * "My progress": what a student has solved, how well they know each concept,
 * what they did lately, and their streak. The statuses come from the course
 * map (lib/progress/get-course-map.ts), so the two pages never disagree.
 */
import { z } from "zod";
import { prisma } from "../db/client";
import type { ItemKind, SubmissionStatus, Verdict } from "../generated/prisma/enums";
import type { TBilingual } from "../content/schemas";
import { itemHref } from "../catalogue/item-href";
import { getCourseMap } from "./get-course-map";
import { conceptMastery, type ConceptMastery } from "./concept-mastery";
import { localDay, streakOf, type Streak } from "./streak";

/** How many of the latest submissions and quiz attempts the page lists. */
export const RECENT_ACTIVITY = 15;

type ActivityItem = { slug: string; kind: ItemKind; title: TBilingual; href: string | null };

export type Activity =
  | { type: "submission"; id: string; at: Date; item: ActivityItem; status: SubmissionStatus; verdict: Verdict | null; score: number | null }
  | { type: "quiz"; id: string; at: Date; item: ActivityItem; score: number | null };

export type MyProgress = {
  exercises: { solved: number; total: number };
  quizzes: { passed: number; total: number };
  lessons: { read: number; total: number };
  concepts: ConceptMastery[];
  activity: Activity[];
  streak: Streak;
  timeZone: string;
};

const itemFields = { slug: true, kind: true, titleZh: true, titleEn: true, archivedAt: true } as const;

function activityItem(item: { slug: string; kind: ItemKind; titleZh: string; titleEn: string; archivedAt: Date | null }): ActivityItem {
  // An item removed from the course keeps its history here, without a link to a page that is gone.
  return { slug: item.slug, kind: item.kind, title: { "zh-CN": item.titleZh, en: item.titleEn }, href: item.archivedAt ? null : itemHref(item) };
}

const ZBucket = z.object({ bucket: z.date() });

export async function getMyProgress(userId: string, options: { timeZone: string; now?: Date }): Promise<MyProgress> {
  const [map, submissions, attempts, buckets] = await Promise.all([
    getCourseMap(userId),
    prisma.submission.findMany({
      // A regrade is the teacher's doing; an interview's work belongs to its report.
      where: { userId, regradeOfId: null, interviewSessionId: null },
      orderBy: { queuedAt: "desc" },
      take: RECENT_ACTIVITY,
      select: { id: true, status: true, verdict: true, score: true, queuedAt: true, item: { select: itemFields } },
    }),
    prisma.quizAttempt.findMany({
      where: { userId, submittedAt: { not: null }, itemId: { not: null }, interviewSessionId: null },
      orderBy: { submittedAt: "desc" },
      take: RECENT_ACTIVITY,
      select: { id: true, score: true, submittedAt: true, item: { select: itemFields } },
    }),
    // Every moment of activity, to the quarter hour: every time zone's offset
    // is a whole number of quarter hours, so a bucket lies in one local day
    // wherever the student is, and a busy student's thousands of submissions
    // come back as a few rows a day.
    prisma.$queryRaw<unknown[]>`
      SELECT DISTINCT date_bin('15 minutes', at, TIMESTAMP '2000-01-01') AS bucket
        FROM (SELECT "queuedAt" AS at FROM "Submission" WHERE "userId" = ${userId}::uuid AND "regradeOfId" IS NULL
              UNION ALL
              SELECT answer."answeredAt" FROM "QuizAnswer" answer
                JOIN "QuizAttempt" attempt ON attempt.id = answer."attemptId"
               WHERE attempt."userId" = ${userId}::uuid) activity`,
  ]);

  const items = map.courses.flatMap((course) => course.chapters.flatMap((chapter) => chapter.items));
  const count = (kind: ItemKind) => {
    const ofKind = items.filter((item) => item.kind === kind);
    return { done: ofKind.filter((item) => item.status === "solved").length, total: ofKind.length };
  };
  const exercises = count("EXERCISE");
  const quizzes = count("QUIZ");
  const lessons = count("LESSON");

  const activity: Activity[] = [
    ...submissions.map((submission) => ({
      type: "submission" as const,
      id: submission.id,
      at: submission.queuedAt,
      item: activityItem(submission.item),
      status: submission.status,
      verdict: submission.verdict,
      score: submission.score,
    })),
    ...attempts.flatMap((attempt) =>
      attempt.item && attempt.submittedAt
        ? [{ type: "quiz" as const, id: attempt.id, at: attempt.submittedAt, item: activityItem(attempt.item), score: attempt.score }]
        : [],
    ),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, RECENT_ACTIVITY);

  const days = buckets.map((row) => localDay(ZBucket.parse(row).bucket, options.timeZone));
  return {
    exercises: { solved: exercises.done, total: exercises.total },
    quizzes: { passed: quizzes.done, total: quizzes.total },
    lessons: { read: lessons.done, total: lessons.total },
    concepts: conceptMastery(items),
    activity,
    streak: streakOf(days, localDay(options.now ?? new Date(), options.timeZone)),
    timeZone: options.timeZone,
  };
}

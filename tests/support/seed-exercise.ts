/**
 * Puts the gather-three-users exercise into a test database directly (a
 * course, a chapter, the item and its grading material, as content:sync
 * would store them), so pipeline tests do not depend on the content loader.
 */
import type { Prisma } from "../../lib/db/client";
import { prisma } from "../../lib/db/client";
import { loadExercise } from "../../grader/run-harness";

export const GATHER_EXERCISE_ID = "3b0f6c1e-6a52-4f0e-9f0b-5b1c2d7e8a01";

export async function seedGatherExercise(database = prisma): Promise<string> {
  const course = await database.course.upsert({
    where: { id: "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d10" },
    create: { id: "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d10", slug: "asyncio", titleZh: "异步", titleEn: "asyncio", contentHash: "test" },
    update: {},
  });
  const chapter = await database.chapter.upsert({
    where: { id: "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d11" },
    create: { id: "0d9c1f3a-2b7e-4c55-9a61-7e3f5b2c8d11", courseId: course.id, slug: "concurrency", position: 0, titleZh: "并发", titleEn: "Concurrency", contentHash: "test" },
    update: {},
  });
  await database.courseItem.upsert({
    where: { id: GATHER_EXERCISE_ID },
    create: {
      id: GATHER_EXERCISE_ID,
      chapterId: chapter.id,
      kind: "EXERCISE",
      slug: "gather-three-users",
      position: 0,
      titleZh: "并发获取三个用户",
      titleEn: "Fetch three users concurrently",
      contentHash: "test",
      content: {},
    },
    update: {},
  });
  const material = await loadExercise(GATHER_EXERCISE_ID);
  const grading = {
    contentHash: "test",
    settings: material.settings as Prisma.InputJsonValue,
    tests: material.tests,
    scenarios: material.scenarios,
  };
  await database.exerciseGrading.upsert({
    where: { itemId: GATHER_EXERCISE_ID },
    create: { itemId: GATHER_EXERCISE_ID, ...grading },
    update: grading,
  });
  return GATHER_EXERCISE_ID;
}

/**
 * Grades an exercise's reference solution and keeps each test's name,
 * status, duration and trace beside the grading material, for the
 * comparison students see (lib/exercises/reference-timeline.ts). Idempotent:
 * a result already made for this version is left alone.
 */
import type { JobHelpers } from "graphile-worker";
import { z } from "zod";
import { prisma, type Prisma } from "../../lib/db/client";
import { ZGradeReferencePayload, type TReferenceResult } from "../../lib/exercises/reference-timeline";
import { runHarness } from "../run-harness";
import type { Spawner } from "../spawn";
import { loadGradingMaterial, RetryableGradingError } from "./grade-submission";

const ZReferenceContent = z.object({ reference: z.string().optional() }).loose();

export async function gradeReferenceJob(payload: unknown, helpers: Pick<JobHelpers, "logger">, spawner?: Spawner) {
  const { exerciseId } = ZGradeReferencePayload.parse(payload);
  const material = await loadGradingMaterial(exerciseId);
  const stored = await prisma.exerciseGrading.findUnique({ where: { itemId: exerciseId }, select: { referenceResultHash: true } });
  if (stored?.referenceResultHash === material.contentHash) return;
  const item = await prisma.courseItem.findUniqueOrThrow({ where: { id: exerciseId }, select: { content: true } });
  const reference = ZReferenceContent.parse(item.content).reference;
  if (!reference) throw new RetryableGradingError(`exercise ${exerciseId} has no synced reference solution`);
  const result = await runHarness({ mode: "grade", submissionCode: reference, exercise: material }, spawner ? { spawner } : {});
  if (result.verdict === "GRADER_ERROR") throw new RetryableGradingError(`grading the reference of ${exerciseId} failed: ${result.error?.message ?? ""}`);
  if (result.verdict !== "PASSED") helpers.logger.error(`the reference solution of ${exerciseId} did not pass (${result.verdict}): run npm run content:check`);
  const kept: TReferenceResult = {
    tests: result.tests.map((test) => ({ testId: test.id, name: test.name, status: test.status, duration: test.duration, trace: test.trace ?? null })),
  };
  await prisma.exerciseGrading.updateMany({
    where: { itemId: exerciseId, contentHash: material.contentHash },
    data: { referenceResult: kept as unknown as Prisma.InputJsonValue, referenceResultHash: material.contentHash },
  });
}

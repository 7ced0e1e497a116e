-- The reference solution's own grading (each test's duration and timeline),
-- made once per version of the exercise for students to compare with theirs.
ALTER TABLE "ExerciseGrading" ADD COLUMN "referenceResult" JSONB,
ADD COLUMN "referenceResultHash" TEXT;

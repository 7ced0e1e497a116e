-- What grading an exercise needs, as synced: the worker grades exactly this.
CREATE TABLE "ExerciseGrading" (
    "itemId" UUID NOT NULL,
    "contentHash" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "tests" TEXT NOT NULL,
    "scenarios" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExerciseGrading_pkey" PRIMARY KEY ("itemId")
);

ALTER TABLE "ExerciseGrading" ADD CONSTRAINT "ExerciseGrading_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CourseItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A submission that interfered with grading: it scored 0, and teachers see it flagged.
ALTER TABLE "Submission" ADD COLUMN "tampered" BOOLEAN NOT NULL DEFAULT false;

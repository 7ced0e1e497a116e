-- The student's side (issue 13): drafts saved as they type, runs that are
-- never scored, each test's own trace and output, quiz option orders, and
-- the course's description and reference-solution setting.
ALTER TABLE "Course" ADD COLUMN "descriptionZh" TEXT,
ADD COLUMN "descriptionEn" TEXT,
ADD COLUMN "referenceAfterAttempts" INTEGER NOT NULL DEFAULT 5;

ALTER TABLE "TestResult" ADD COLUMN "trace" JSONB,
ADD COLUMN "stdout" TEXT,
ADD COLUMN "stderr" TEXT,
ADD COLUMN "error" JSONB;

ALTER TABLE "QuizAttempt" ADD COLUMN "optionOrder" JSONB;

CREATE TABLE "Draft" (
    "userId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("userId","itemId")
);

CREATE TABLE "ProgramRun" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "itemId" UUID,
    "code" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'QUEUED',
    "verdict" "Verdict",
    "elapsed" DOUBLE PRECISION,
    "stdout" TEXT,
    "stderr" TEXT,
    "messageZh" TEXT,
    "messageEn" TEXT,
    "error" JSONB,
    "trace" JSONB,
    "gradingJobId" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProgramRun_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ProgramRun_userId_queuedAt_idx" ON "ProgramRun"("userId", "queuedAt");

ALTER TABLE "Draft" ADD CONSTRAINT "Draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CourseItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProgramRun" ADD CONSTRAINT "ProgramRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProgramRun" ADD CONSTRAINT "ProgramRun_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CourseItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The teacher's side (issue 14): classes belong to a course and may have
-- several teachers; assignments with due dates and per-student extensions;
-- teachers' regrades and their previews; each failed test's misconception.
CREATE TYPE "ClassTeacherRole" AS ENUM ('OWNER', 'CO_TEACHER');
CREATE TYPE "RegradeMode" AS ENUM ('PREVIEW', 'APPLY');
CREATE TYPE "RegradeStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

CREATE TABLE "ClassTeacher" (
    "classId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "ClassTeacherRole" NOT NULL DEFAULT 'CO_TEACHER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassTeacher_pkey" PRIMARY KEY ("classId","userId")
);

-- No page could create a class before this migration, but should a row
-- exist, its teacher becomes its owner and it joins the first course.
INSERT INTO "ClassTeacher" ("classId", "userId", "role") SELECT id, "teacherId", 'OWNER' FROM "Class";
ALTER TABLE "Class" ADD COLUMN "courseId" UUID,
ADD COLUMN "archivedAt" TIMESTAMP(3);
UPDATE "Class" SET "courseId" = (SELECT id FROM "Course" ORDER BY position, slug LIMIT 1);
DELETE FROM "Class" WHERE "courseId" IS NULL;
ALTER TABLE "Class" ALTER COLUMN "courseId" SET NOT NULL,
ALTER COLUMN "joinCode" DROP NOT NULL;
ALTER TABLE "Class" DROP CONSTRAINT "Class_teacherId_fkey";
DROP INDEX "Class_teacherId_idx";
ALTER TABLE "Class" DROP COLUMN "teacherId";

CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "classId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "latePenalty" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AssignmentItem" (
    "assignmentId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AssignmentItem_pkey" PRIMARY KEY ("assignmentId","itemId")
);

CREATE TABLE "AssignmentExtension" (
    "assignmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentExtension_pkey" PRIMARY KEY ("assignmentId","userId")
);

CREATE TABLE "RegradeBatch" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "classId" UUID,
    "requestedById" UUID NOT NULL,
    "mode" "RegradeMode" NOT NULL,
    "status" "RegradeStatus" NOT NULL DEFAULT 'QUEUED',
    "contentHash" TEXT NOT NULL,
    "activeItemId" UUID,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RegradeBatch_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Submission" ADD COLUMN "regradeBatchId" UUID;
ALTER TABLE "TestResult" ADD COLUMN "misconception" TEXT;

CREATE INDEX "Class_courseId_idx" ON "Class"("courseId");
CREATE INDEX "ClassTeacher_userId_idx" ON "ClassTeacher"("userId");
CREATE INDEX "Assignment_classId_dueAt_idx" ON "Assignment"("classId", "dueAt");
CREATE INDEX "AssignmentItem_itemId_idx" ON "AssignmentItem"("itemId");
CREATE UNIQUE INDEX "RegradeBatch_activeItemId_key" ON "RegradeBatch"("activeItemId");
CREATE INDEX "RegradeBatch_itemId_createdAt_idx" ON "RegradeBatch"("itemId", "createdAt");

ALTER TABLE "Class" ADD CONSTRAINT "Class_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClassTeacher" ADD CONSTRAINT "ClassTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssignmentItem" ADD CONSTRAINT "AssignmentItem_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssignmentItem" ADD CONSTRAINT "AssignmentItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CourseItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AssignmentExtension" ADD CONSTRAINT "AssignmentExtension_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssignmentExtension" ADD CONSTRAINT "AssignmentExtension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeBatch" ADD CONSTRAINT "RegradeBatch_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CourseItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeBatch" ADD CONSTRAINT "RegradeBatch_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeBatch" ADD CONSTRAINT "RegradeBatch_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_regradeBatchId_fkey" FOREIGN KEY ("regradeBatchId") REFERENCES "RegradeBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

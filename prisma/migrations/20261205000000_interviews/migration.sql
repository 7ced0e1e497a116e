-- Mock interviews (issue 15): time per item measured by the server, flags,
-- the open tab, a revocable share link, and each coding task's saved code
-- and counted submission.
ALTER TABLE "InterviewSession" ADD COLUMN "itemSeconds" DOUBLE PRECISION[] NOT NULL DEFAULT ARRAY[]::DOUBLE PRECISION[],
ADD COLUMN "flagged" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN "focusPosition" INTEGER,
ADD COLUMN "focusAt" TIMESTAMP(3),
ADD COLUMN "activeTabId" TEXT,
ADD COLUMN "activeTabSeenAt" TIMESTAMP(3),
ADD COLUMN "shareToken" TEXT,
ADD COLUMN "sharedAt" TIMESTAMP(3);

CREATE TABLE "InterviewTask" (
    "sessionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "itemId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3),
    "submissionId" UUID,

    CONSTRAINT "InterviewTask_pkey" PRIMARY KEY ("sessionId","position")
);

CREATE UNIQUE INDEX "InterviewSession_shareToken_key" ON "InterviewSession"("shareToken");
CREATE INDEX "InterviewSession_status_endsAt_idx" ON "InterviewSession"("status", "endsAt");
CREATE UNIQUE INDEX "InterviewTask_submissionId_key" ON "InterviewTask"("submissionId");
CREATE INDEX "InterviewTask_itemId_idx" ON "InterviewTask"("itemId");

ALTER TABLE "InterviewTask" ADD CONSTRAINT "InterviewTask_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "InterviewSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InterviewTask" ADD CONSTRAINT "InterviewTask_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CourseItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InterviewTask" ADD CONSTRAINT "InterviewTask_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every save of an interview's answer finds its question attempt by the
-- interview (lib/interviews/find-interview.ts): without this index, a scan
-- of every practice attempt of every learner, 40 times a second with 200
-- candidates (bench/interview.ts).
CREATE INDEX "QuizAttempt_interviewSessionId_idx" ON "QuizAttempt"("interviewSessionId");

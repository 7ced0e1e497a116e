-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "queueWorkerIds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "gradingJobId" TEXT;

-- What a test's duration check expected (seconds ± tolerance), shown beside the measured duration.
ALTER TABLE "TestResult" ADD COLUMN "expectedSeconds" DOUBLE PRECISION,
ADD COLUMN "toleranceSeconds" DOUBLE PRECISION;

/**
 * Rate limits as token buckets in PostgreSQL. A bucket holds up to
 * `capacity` tokens and refills at `perSecond`; a request spends one. The
 * check and the spending are one statement (INSERT … ON CONFLICT DO UPDATE …
 * WHERE, which locks the row), so 40 parallel requests against a bucket of
 * 20 let exactly 20 through, on one web process or many.
 */
import { AppError, type Bilingual } from "../errors";
import { prisma } from "../db/client";

export type Bucket = { capacity: number; perSecond: number };
export type Spent = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Spends `cost` tokens of `key`'s bucket if it holds them; otherwise says when it will. */
export async function spend(key: string, bucket: Bucket, cost = 1): Promise<Spent> {
  const { capacity, perSecond } = bucket;
  const spent = await prisma.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "updatedAt")
    VALUES (${key}, ${capacity - cost}::float8, LOCALTIMESTAMP)
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = LEAST(${capacity}::float8, b."tokens" + EXTRACT(EPOCH FROM (LOCALTIMESTAMP - b."updatedAt"))::float8 * ${perSecond}::float8) - ${cost}::float8,
      "updatedAt" = LOCALTIMESTAMP
    WHERE LEAST(${capacity}::float8, b."tokens" + EXTRACT(EPOCH FROM (LOCALTIMESTAMP - b."updatedAt"))::float8 * ${perSecond}::float8) >= ${cost}::float8
    RETURNING "tokens"`;
  if (spent.length > 0) return { allowed: true };
  const [row] = await prisma.$queryRaw<{ available: number }[]>`
    SELECT LEAST(${capacity}::float8, "tokens" + EXTRACT(EPOCH FROM (LOCALTIMESTAMP - "updatedAt"))::float8 * ${perSecond}::float8) AS available
      FROM "RateLimitBucket" WHERE "key" = ${key}`;
  const missing = cost - (row?.available ?? capacity);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / perSecond)) };
}

/** Fills `key`'s bucket again (a successful sign-in forgives the failures before it). */
export async function refill(key: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${key}`;
}

/** Spends from every bucket, or throws a 429 with Retry-After saying the longest wait and `message` for it. */
export async function spendOrThrow(
  buckets: { key: string; bucket: Bucket }[],
  message: (retryAfterSeconds: number) => Bilingual,
): Promise<void> {
  let wait = 0;
  for (const { key, bucket } of buckets) {
    const result = await spend(key, bucket);
    if (!result.allowed) wait = Math.max(wait, result.retryAfterSeconds);
  }
  if (wait > 0) throw new AppError("RATE_LIMITED", message(wait), [], { retryAfterSeconds: wait });
}

/** Buckets untouched for a day are full again: the sweeper may drop them. */
export async function dropIdleBuckets(olderThanSeconds = 24 * 60 * 60): Promise<number> {
  return prisma.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "updatedAt" < LOCALTIMESTAMP - make_interval(secs => ${olderThanSeconds}::float8)`;
}

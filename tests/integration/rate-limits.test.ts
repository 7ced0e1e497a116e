// Rate limits hold under concurrency (issue 12): the buckets live in
// PostgreSQL and one statement checks and spends, so parallel requests cannot
// all pass a check made before any of them is counted. Every refusal is a 429
// with Retry-After and a message in both languages.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/submissions/route";
import { POST as regrade } from "@/app/api/exercises/[id]/regrade/route";
import { POST as signUp } from "@/app/api/users/route";
import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db/client";
import { dropIdleBuckets, spend } from "@/lib/http/rate-limit";
import { migrateQueue } from "@/lib/queue/queue";
import { createUser } from "@/lib/users/create-user";
import { jsonRequest, routeContext, sessionCookie } from "../support/requests";
import { GATHER_EXERCISE_ID, seedGatherExercise } from "../support/seed-exercise";

beforeAll(async () => {
  await migrateQueue(process.env.DATABASE_URL ?? "");
  await seedGatherExercise();
});

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const signInFrom = (address: string, email: string, password: string) =>
  authorize({ email, password }, { headers: { "x-forwarded-for": `10.0.0.1, ${address}` } }).then(
    (user) => (user ? "signed-in" : "wrong"),
    (error: Error) => error.message,
  );

describe("the bucket", () => {
  it("lets exactly its capacity through 40 parallel requests", async () => {
    const bucket = { capacity: 20, perSecond: 1e-9 };
    const results = await Promise.all(Array.from({ length: 40 }, () => spend("test:parallel", bucket)));
    expect(results.filter((result) => result.allowed)).toHaveLength(20);
    const refused = results.filter((result) => !result.allowed);
    expect(refused).toHaveLength(20);
    for (const result of refused) expect(result.allowed === false && result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("refills with time: a bucket emptied long ago is full", async () => {
    const bucket = { capacity: 2, perSecond: 1 };
    await spend("test:refill", bucket);
    await spend("test:refill", bucket);
    expect((await spend("test:refill", bucket)).allowed).toBe(false);
    await prisma.$executeRaw`UPDATE "RateLimitBucket" SET "updatedAt" = "updatedAt" - interval '1 hour' WHERE "key" = 'test:refill'`;
    expect((await spend("test:refill", bucket)).allowed).toBe(true);
    expect((await spend("test:refill", bucket)).allowed).toBe(true);
    expect((await spend("test:refill", bucket)).allowed).toBe(false);
  });
});

describe("submissions", () => {
  it("40 parallel submissions of one student: only the limit's worth are accepted", async () => {
    process.env.SUBMISSIONS_PER_MINUTE = "20";
    try {
      const user = await createUser({ email: `burst-${crypto.randomUUID()}@example.org`, password: "long enough" });
      const cookie = await sessionCookie(user.id);
      const started = performance.now();
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => submit(jsonRequest("/api/submissions", { body: { exerciseId: GATHER_EXERCISE_ID, code: "pass" }, cookie }), routeContext({}))),
      );
      // The bucket refills a token every 3 s: a slow machine may see one more per 3 s it took.
      const refilled = Math.floor((performance.now() - started) / 3000);
      const accepted = responses.filter((response) => response.status === 202).length;
      expect(accepted).toBeGreaterThanOrEqual(20);
      expect(accepted).toBeLessThanOrEqual(20 + refilled);
      const refused = responses.find((response) => response.status === 429)!;
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const body = await refused.json();
      expect(body.error.message["zh-CN"]).toContain("每分钟最多 20 次");
      expect(body.error.message.en).toContain("at most 20 a minute");
      expect(await prisma.submission.count({ where: { userId: user.id } })).toBe(accepted);
    } finally {
      delete process.env.SUBMISSIONS_PER_MINUTE;
    }
  });

  it("regrades: ten requests in a row (a second one of an exercise is 409 meanwhile), then one a minute", async () => {
    const admin = await createUser({ email: `admin-${crypto.randomUUID()}@example.org`, password: "long enough" });
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const cookie = await sessionCookie(admin.id);
    const send = () => regrade(jsonRequest(`/api/exercises/${GATHER_EXERCISE_ID}/regrade`, { cookie }), routeContext({ id: GATHER_EXERCISE_ID }));
    expect((await send()).status).toBe(202);
    for (let request = 2; request <= 10; request += 1) expect((await send()).status).toBe(409);
    const eleventh = await send();
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(10);
    const message = (await eleventh.json()).error.message;
    expect(message.en).toContain("several regrades");
    expect(message["zh-CN"]).toContain("多次重新评分");
  });
});

describe("sign-in", () => {
  it("five wrong passwords, then even the right one waits; other accounts are not locked out", async () => {
    const email = `target-${crypto.randomUUID()}@example.org`;
    await createUser({ email, password: "the right password" });
    const attempts = [];
    for (let index = 0; index < 5; index += 1) attempts.push(await signInFrom("198.51.100.1", email, "a wrong guess"));
    expect(attempts).toEqual(Array(5).fill("wrong"));
    const limited = await signInFrom("198.51.100.2", email, "the right password");
    expect(limited).toMatch(/^RATE_LIMITED:\d+$/);
    expect(Number(limited.split(":")[1])).toBeGreaterThan(0);
    const other = `other-${crypto.randomUUID()}@example.org`;
    await createUser({ email: other, password: "the right password" });
    expect(await signInFrom("198.51.100.1", other, "the right password")).toBe("signed-in");
  });

  it("a right password forgives the failures before it", async () => {
    const email = `forgetful-${crypto.randomUUID()}@example.org`;
    await createUser({ email, password: "the right password" });
    for (let index = 0; index < 4; index += 1) expect(await signInFrom("198.51.100.3", email, "wrong")).toBe("wrong");
    expect(await signInFrom("198.51.100.3", email, "the right password")).toBe("signed-in");
    for (let index = 0; index < 4; index += 1) expect(await signInFrom("198.51.100.3", email, "wrong")).toBe("wrong");
    expect(await signInFrom("198.51.100.3", email, "the right password")).toBe("signed-in");
  });

  it("one address trying many accounts is stopped too", async () => {
    process.env.SIGNIN_ATTEMPTS_PER_ADDRESS = "3";
    try {
      const results = [];
      for (let index = 0; index < 4; index += 1) results.push(await signInFrom("198.51.100.9", `nobody-${index}@example.org`, "guess"));
      expect(results.slice(0, 3)).toEqual(["wrong", "wrong", "wrong"]);
      expect(results[3]).toMatch(/^RATE_LIMITED:/);
    } finally {
      delete process.env.SIGNIN_ATTEMPTS_PER_ADDRESS;
    }
  });
});

describe("sign-up", () => {
  it("parallel sign-ups from one address stop at the limit; another address is not affected", async () => {
    process.env.SIGNUPS_PER_ADDRESS = "3";
    try {
      const from = (address: string, index: number) =>
        signUp(
          jsonRequest("/api/users", { body: { email: `new-${address}-${index}@example.org`, password: "a fine password" }, headers: { "x-forwarded-for": address } }),
          routeContext({}),
        );
      const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => from("203.0.113.7", index)));
      expect(responses.filter((response) => response.status === 201)).toHaveLength(3);
      const refused = responses.find((response) => response.status === 429)!;
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error.message["zh-CN"]).toContain("注册的账号太多");
      expect((await from("203.0.113.8", 0)).status).toBe(201);
    } finally {
      delete process.env.SIGNUPS_PER_ADDRESS;
    }
  });
});

describe("idle buckets", () => {
  it("are dropped after a day (full again), the others kept", async () => {
    const bucket = { capacity: 1, perSecond: 1e-9 };
    await spend("test:idle-old", bucket);
    await spend("test:idle-new", bucket);
    await prisma.$executeRaw`UPDATE "RateLimitBucket" SET "updatedAt" = "updatedAt" - interval '2 days' WHERE "key" = 'test:idle-old'`;
    expect(await dropIdleBuckets()).toBeGreaterThanOrEqual(1);
    const keys = (await prisma.rateLimitBucket.findMany({ where: { key: { startsWith: "test:idle-" } } })).map((row) => row.key);
    expect(keys).toEqual(["test:idle-new"]);
  });
});

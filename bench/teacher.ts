// `npx tsx bench/teacher.ts [--runs N] [--requests N] [--no-http]`
//
// The teacher's pages on a big class: a fresh database (migrated, the real
// course synced) seeded in bulk by SQL with 200 students, a class of all
// of them and one of 50, 20,000 submissions of the course's exercises with
// their test results and misconceptions, regrades, tampering, progress
// rows, and quiz attempts with answers. Then:
//   1. in-process: each loader N times (default 20) for the class of 50
//      and the class of 200: p50/p95 and the statements it sent
//      (databaseQueryCount), which must not grow with the students;
//   2. over HTTP: the matrix and insights pages, signed in as the teacher, N times
//      (default 20) against the whole stack (bench/support/stack.ts, or
//      BENCH_URL with BENCH_DATABASE_URL its database and
//      BENCH_NEXTAUTH_SECRET its secret).
// Figures depend on the machine: record them in docs/benchmarks.md, never assert them in a test.
import pg from "pg";
import { createTestDatabase, startTestServer } from "../tests/support/test-database";
import { sessionCookie } from "../tests/support/requests";
import { prepareDatabase } from "../lib/runtime/prepare";
import { startStack } from "./support/stack";
import { percentile } from "./support/stats";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument("runs", 20);
const REQUESTS = argument("requests", 20);
const HTTP = !process.argv.includes("--no-http");
const PORT = 3411;
const STUDENTS = 200;
const SUBMISSIONS = 20_000;
const STACK_SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuv";
const BIG_CLASS = "a0000000-0000-4000-8000-000000000200";
const SMALL_CLASS = "a0000000-0000-4000-8000-000000000050";
const TEACHER = "a0000000-0000-4000-8000-00000000000t".replace("t", "1");

const log = (line: string) => console.log(`[bench] ${line}`);

/** Everything in a handful of set-based statements: seeding takes seconds, not minutes. */
async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    await client.query(`
      INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
      VALUES ('${TEACHER}', 'bench-teacher@example.org', 'Bench Teacher', 'not-used', 'TEACHER', now())`);
    await client.query(`
      INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
      SELECT ('b0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'bench-student-' || n || '@example.org',
             'Student ' || lpad(n::text, 3, '0'), 'not-used', now()
        FROM generate_series(1, ${STUDENTS}) n`);
    const course = (await client.query<{ id: string }>(`SELECT id FROM "Course" ORDER BY position LIMIT 1`)).rows[0]!.id;
    for (const [id, size] of [[BIG_CLASS, STUDENTS], [SMALL_CLASS, 50]] as const) {
      await client.query(`INSERT INTO "Class" (id, name, "courseId", "updatedAt") VALUES ($1, $2, $3, now())`, [id, `Bench class of ${size}`, course]);
      await client.query(`INSERT INTO "ClassTeacher" ("classId", "userId", role) VALUES ($1, $2, 'OWNER')`, [id, TEACHER]);
      await client.query(
        `INSERT INTO "Enrolment" (id, "classId", "userId") SELECT gen_random_uuid(), $1, id FROM "User" WHERE email LIKE 'bench-student-%' ORDER BY email LIMIT $2`,
        [id, size],
      );
    }
    // The course's exercises, numbered, and the students, numbered: submission g is student g % 200's, on exercise (g / 200) % E.
    await client.query(`
      CREATE TEMP TABLE bench_exercises AS
      SELECT row_number() OVER (ORDER BY c.position, i.position) - 1 AS n, i.id
        FROM "CourseItem" i JOIN "Chapter" c ON c.id = i."chapterId"
       WHERE c."courseId" = '${course}' AND i.kind = 'EXERCISE' AND i."archivedAt" IS NULL`);
    await client.query(`CREATE TEMP TABLE bench_students AS SELECT row_number() OVER (ORDER BY email) - 1 AS n, id FROM "User" WHERE email LIKE 'bench-student-%'`);
    const exercises = Number((await client.query(`SELECT count(*) FROM bench_exercises`)).rows[0].count);
    // A student's n-th attempt at an exercise passes more often than their first (30%, 50%, 70%, 90%).
    const passes = `abs(hashtext(g::text)) % 10 < 3 + 2 * (g / ${STUDENTS * exercises})`;
    await client.query(`
      INSERT INTO "Submission" (id, "userId", "itemId", code, status, verdict, score, "queuedAt", "finishedAt", tampered, result)
      SELECT gen_random_uuid(), s.id, e.id, 'import asyncio', 'DONE',
             (CASE WHEN g % 1000 = 7 THEN 'FAILED' WHEN ${passes} THEN 'PASSED' ELSE 'FAILED' END)::"Verdict",
             CASE WHEN ${passes} AND g % 1000 <> 7 THEN 1 ELSE 0.3 END,
             timestamp '2026-11-01 08:00' + g * interval '130 seconds', timestamp '2026-11-01 08:00' + g * interval '130 seconds',
             g % 1000 = 7,
             CASE WHEN g % 1000 = 7 THEN '{"tampering": [{"what": "frames", "detail": "walked the judge''s frames", "line": 4}]}'::jsonb END
        FROM generate_series(0, ${SUBMISSIONS - 1}) g
        JOIN bench_students s ON s.n = g % ${STUDENTS}
        JOIN bench_exercises e ON e.n = (g / ${STUDENTS}) % ${exercises}`);
    // Three tests each; a failed submission fails one, with one of four misconceptions (one an author's own).
    await client.query(`
      INSERT INTO "TestResult" (id, "submissionId", "testId", position, "nameZh", "nameEn", status, weight, misconception)
      SELECT gen_random_uuid(), s.id, 't' || k, k, '测试 ' || k, 'test ' || k,
             (CASE WHEN s.verdict = 'FAILED' AND k = 1 + abs(hashtext(s.id::text)) % 3 THEN 'FAILED' ELSE 'PASSED' END)::"TestStatus", 1,
             CASE WHEN s.verdict = 'FAILED' AND k = 1 + abs(hashtext(s.id::text)) % 3
                  THEN (ARRAY['sequential', 'blocking-sleep', 'missing-await', 'author-own'])[1 + abs(hashtext(s.id::text || 'm')) % 4] END
        FROM "Submission" s CROSS JOIN generate_series(1, 3) k`);
    // 200 regrades: the newest regrade is the current truth for its original.
    await client.query(`
      INSERT INTO "Submission" (id, "userId", "itemId", code, status, verdict, score, "queuedAt", "finishedAt", "regradeOfId")
      SELECT gen_random_uuid(), "userId", "itemId", code, 'DONE', 'PASSED', 1, "queuedAt" + interval '40 days', "queuedAt" + interval '40 days', id
        FROM "Submission" WHERE verdict = 'FAILED' AND NOT tampered ORDER BY id LIMIT 200`);
    await client.query(`
      INSERT INTO "Progress" (id, "userId", "itemId", "bestScore", attempts, "solvedAt", "lastAttemptAt", "updatedAt")
      SELECT gen_random_uuid(), "userId", "itemId", max(score), count(*), min("finishedAt") FILTER (WHERE verdict = 'PASSED'), max("finishedAt"), now()
        FROM "Submission" WHERE "regradeOfId" IS NULL GROUP BY "userId", "itemId"`);
    // Every student takes every quiz once, the even ones twice; single-choice answers pick a, b or c.
    await client.query(`
      INSERT INTO "QuizAttempt" (id, "userId", "itemId", "questionIds", "startedAt", "submittedAt", score)
      SELECT gen_random_uuid(), s.id, i.id, ARRAY(SELECT jsonb_array_elements_text(i.content -> 'questions'))::uuid[],
             timestamp '2026-11-02 09:00' + (s.n * 3 + r * 200 + q.n) * interval '1 hour',
             timestamp '2026-11-02 09:10' + (s.n * 3 + r * 200 + q.n) * interval '1 hour', NULL
        FROM bench_students s
        CROSS JOIN (SELECT row_number() OVER (ORDER BY id) AS n, id, content FROM "CourseItem" WHERE kind = 'QUIZ' AND "archivedAt" IS NULL) q
        JOIN "CourseItem" i ON i.id = q.id
        CROSS JOIN generate_series(0, 1) r
       WHERE r = 0 OR s.n % 2 = 0`);
    await client.query(`
      INSERT INTO "QuizAnswer" (id, "attemptId", "questionId", answer, correct, score, "answeredAt")
      SELECT gen_random_uuid(), a.id, q.id,
             CASE WHEN q.content ->> 'kind' = 'single_choice'
                  THEN jsonb_build_object('kind', 'single_choice', 'option', chr(97 + abs(hashtext(a.id::text || q.id::text)) % 3))
                  ELSE jsonb_build_object('kind', q.content ->> 'kind') END,
             false, 0, a."startedAt"
        FROM "QuizAttempt" a CROSS JOIN LATERAL unnest(a."questionIds") AS question(id) JOIN "QuizQuestion" q ON q.id = question.id`);
    await client.query(`
      UPDATE "QuizAnswer" qa SET correct = CASE WHEN q.content ->> 'kind' = 'single_choice' THEN qa.answer ->> 'option' = q.content ->> 'answer'
                                                ELSE abs(hashtext(qa.id::text)) % 3 > 0 END
        FROM "QuizQuestion" q WHERE q.id = qa."questionId"`);
    await client.query(`UPDATE "QuizAnswer" SET score = CASE WHEN correct THEN 1 ELSE 0 END`);
    await client.query(`
      UPDATE "QuizAttempt" a SET score = (SELECT avg(score) FROM "QuizAnswer" WHERE "attemptId" = a.id)`);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const counts = (await client.query(`
      SELECT (SELECT count(*) FROM "Submission") AS submissions, (SELECT count(*) FROM "TestResult") AS tests,
             (SELECT count(*) FROM "QuizAttempt") AS attempts, (SELECT count(*) FROM "QuizAnswer") AS answers, ${exercises} AS exercises,
             (SELECT count(*) FROM "CourseItem" WHERE kind IN ('EXERCISE', 'QUIZ') AND "archivedAt" IS NULL) AS items`)).rows[0];
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  } finally {
    await client.end();
  }
}

const milliseconds = (values: number[]) => `p50 ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms (n=${values.length})`;

const server = process.env.BENCH_DATABASE_URL ? null : await startTestServer();
const database = server ? await createTestDatabase(server.adminUrl, { migrate: false }) : null;
const url = process.env.BENCH_DATABASE_URL ?? database!.url;
process.env.DATABASE_URL = url;
try {
  if (database) {
    await prepareDatabase(url, (line) => log(line));
    await seed(url);
  }
  // Imported only now: the Prisma client reads DATABASE_URL when first used.
  const { databaseQueryCount, disconnectPrisma } = await import("../lib/db/client");
  const { getClassInsights } = await import("../lib/insights/get-class-insights");
  const { getProgressMatrix } = await import("../lib/matrix/get-progress-matrix");
  const { readMatrixFilters } = await import("../lib/matrix/schemas");
  const teacher = { id: TEACHER, role: "TEACHER" as const };
  const loaders: { name: string; run: (classId: string) => Promise<unknown> }[] = [
    { name: "insights", run: (classId) => getClassInsights(teacher, classId, { timeZone: "Asia/Shanghai" }) },
    { name: "matrix", run: (classId) => getProgressMatrix(teacher, classId, readMatrixFilters({})) },
  ];
  log(`1. in-process, ${RUNS} runs each after 2 warm-ups`);
  for (const loader of loaders) {
    for (const [classId, size] of [[SMALL_CLASS, 50], [BIG_CLASS, STUDENTS]] as const) {
      for (let warm = 0; warm < 2; warm += 1) await loader.run(classId);
      const times: number[] = [];
      const queries = new Set<number>();
      for (let run = 0; run < RUNS; run += 1) {
        const before = databaseQueryCount();
        const started = performance.now();
        await loader.run(classId);
        times.push(performance.now() - started);
        queries.add(databaseQueryCount() - before);
      }
      log(`   ${loader.name.padEnd(9)} ${String(size).padStart(3)} students: ${milliseconds(times)}, ${[...queries].join("/")} queries per call`);
    }
  }
  await disconnectPrisma();

  if (HTTP) {
    process.env.NEXTAUTH_SECRET = process.env.BENCH_NEXTAUTH_SECRET ?? STACK_SECRET;
    const stack = await startStack(PORT, { DATABASE_URL: url });
    try {
      const cookie = await sessionCookie(TEACHER);
      log(`2. over HTTP (${stack.base}), ${REQUESTS} requests each after 3 warm-ups`);
      for (const page of ["", "/insights"]) {
        const name = page === "" ? "matrix page  " : "insights page";
        for (const [classId, size] of [[SMALL_CLASS, 50], [BIG_CLASS, STUDENTS]] as const) {
          let bytes = 0;
          const fetchPage = async () => {
            const started = performance.now();
            const response = await fetch(`${stack.base}/teach/classes/${classId}${page}`, { headers: { cookie, "accept-encoding": "gzip" } });
            bytes = (await response.arrayBuffer()).byteLength;
            if (response.status !== 200) throw new Error(`${stack.base}/teach/classes/${classId}${page} answered ${response.status}`);
            return performance.now() - started;
          };
          for (let warm = 0; warm < 3; warm += 1) await fetchPage();
          const times: number[] = [];
          for (let request = 0; request < REQUESTS; request += 1) times.push(await fetchPage());
          log(`   ${name} ${String(size).padStart(3)} students: ${milliseconds(times)}, ${(bytes / 1024).toFixed(0)} KB`);
        }
      }
    } finally {
      await stack.stop();
    }
  }
} finally {
  if (database && !process.argv.includes("--keep")) await database.drop();
  else log(`kept the database: ${url}`);
  await server?.embedded?.stop();
}

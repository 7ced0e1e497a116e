// `npx tsx bench/interview.ts [--candidates N] [--seconds S] [--deadline-in D] [--period P]`
//
// Timed mock interviews under load (issue 15), against the whole stack
// (bench/support/stack.ts: web app + one grader worker on a fresh database):
//   1. N candidates (default 200), real users made by SQL, each signed in
//      with a session cookie, each with a short interview running at once.
//      They are started in-process with the domain's own startInterview, so
//      that every interview has the same deadline, D seconds (default 60)
//      after the saving begins: the same instant for all is the hardest case
//      for the deadline job. startInterview schedules the real job; the
//      stack's worker must hand them in.
//   2. For S seconds (default D + 5: one period past the deadline), each candidate,
//      staggered across the period P (default 5 s), every P seconds saves an
//      answer to one of its questions (a valid answer for the question's kind,
//      read from GET /api/interviews/:id); every other period it also sends a
//      heartbeat (the running page beats every 10 s) and, for every other
//      candidate, saves the code of its task. Each request's latency
//      is measured by the client, from the request to its whole answer. Before
//      the deadline every save must succeed; after it, every save must be
//      refused with 409 (the server's clock decides); anything else is an error.
//   3. The hand-in. Each session's finishedAt is clamped to its deadline by
//      the domain (min(now, endsAt)) and graphile-worker deletes a job once it
//      is done, so neither tells when the job really ran. Two measures do:
//        - observed: from just before the deadline, the bench reads every
//          100 ms which sessions are no longer IN_PROGRESS and notes, by its
//          own clock (same machine as the database), when each was first seen
//          handed in: precise to the poll's period plus one query;
//        - server: the typed code of a task is submitted in the hand-in's own
//          transaction, so that submission's queuedAt (the database's now() at
//          the transaction's start) is when the job ran, to the millisecond,
//          for every candidate who typed code.
//      Target: all within 5 s of the deadline. Then, informational: how long
//      until every typed-code submission had its verdict and every interview
//      its score.
// Figures depend on the machine: record them in docs/benchmarks.md, never assert them in a test.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { sessionCookie } from "../tests/support/requests";
import type { TInterviewItem, TInterviewView } from "../lib/interviews/get-interview";
import type { TPublicQuestion } from "../lib/quizzes/public-question";
import type { TShownAnswer } from "../lib/quizzes/schemas";
import { cpuBetween, describeCpu, sampleCpu } from "./support/cpu";
import { startStack } from "./support/stack";
import { percentile, sleep } from "./support/stats";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const CANDIDATES = argument("candidates", 200);
const DEADLINE_IN = argument("deadline-in", 60);
/** By default one period past the deadline: every candidate's last save comes late and must be refused. */
const SECONDS = argument("seconds", DEADLINE_IN + 5);
const PERIOD_MS = argument("period", 5) * 1000;
const PORT = 3420;
const STACK_SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuv";
/** The running page (components/interview/interview-runner.tsx) beats every 10 s: every other period of 5 s. */
const HEARTBEAT_EVERY = 2;
/** How often the bench reads which sessions were handed in. */
const HAND_IN_POLL_MS = 100;
/** Target: every interview handed in within this long of its deadline. */
const HAND_IN_TARGET_MS = 5000;
/** Target: p95 of a save. */
const SAVE_P95_TARGET_MS = 100;

const log = (line: string) => console.log(`[bench] ${line}`);
const loadAverage = () => loadavg().map((value) => value.toFixed(1)).join(" / ");
const candidateId = (index: number) => `c0000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`;
const milliseconds = (values: number[]) =>
  values.length === 0
    ? "none"
    : `p50 ${percentile(values, 0.5).toFixed(0)} ms, p95 ${percentile(values, 0.95).toFixed(0)} ms, p99 ${percentile(values, 0.99).toFixed(0)} ms, ` +
      `max ${Math.max(...values).toFixed(0)} ms (n=${values.length})`;

/** A valid answer for a question's kind; `round` varies it so saves change what is stored. */
function answerFor(question: TPublicQuestion, round: number): TShownAnswer {
  switch (question.kind) {
    case "single_choice":
      return { kind: "single_choice", option: round % question.options.length };
    case "multiple_choice":
      return { kind: "multiple_choice", options: [round % question.options.length] };
    case "true_false":
      return { kind: "true_false", value: round % 2 === 0 };
    case "predict_output":
      return question.outputs ? { kind: "predict_output", option: round % question.outputs.length } : { kind: "predict_output", output: `line ${round}` };
    case "predict_duration":
      return { kind: "predict_duration", seconds: round % 4 };
    case "ordering": {
      const order = question.items.map((_, position) => position);
      return { kind: "ordering", order: round % 2 === 0 ? order : order.reverse() };
    }
    case "fill_blank":
      return { kind: "fill_blank", blanks: Array.from({ length: question.blanks }, () => `value${round}`) };
  }
}

/** afterDeadline: sent after it (by this machine's clock, the database's too); answeredAfter: answered after it. */
type Sample = { kind: "answer" | "code" | "heartbeat"; ms: number; status: number; afterDeadline: boolean; answeredAfter: boolean; body: string };

class Candidate {
  readonly tabId = randomBytes(12).toString("base64url");
  questions: Extract<TInterviewItem, { kind: "question" }>[] = [];
  task: Extract<TInterviewItem, { kind: "task" }> | undefined;
  constructor(
    readonly index: number,
    readonly userId: string,
    readonly sessionId: string,
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  async call(method: string, path: string, body?: unknown) {
    const started = performance.now();
    const response = await fetch(`${this.base}/api/interviews/${this.sessionId}${path}`, {
      method,
      headers: { cookie: this.cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { ms: performance.now() - started, status: response.status, text };
  }

  async load() {
    const { status, text } = await this.call("GET", "");
    if (status !== 200) throw new Error(`GET interview ${this.sessionId}: ${status} ${text}`);
    const { interview } = JSON.parse(text) as { interview: TInterviewView };
    this.questions = interview.items.filter((item) => item.kind === "question");
    this.task = interview.items.find((item) => item.kind === "task");
    if (this.questions.length === 0) throw new Error(`interview ${this.sessionId} has no question`);
  }

  /** One period's work: an answer, and now and then a heartbeat and (every other candidate) the task's code. */
  async round(round: number, deadline: number): Promise<Sample[]> {
    const item = this.questions[round % this.questions.length]!;
    const requests: Promise<Sample>[] = [];
    const measure = async (kind: Sample["kind"], method: string, path: string, body: unknown, delayMs = 0) => {
      await sleep(delayMs);
      const sentAt = Date.now();
      return this.call(method, path, body).then(({ ms, status, text }) => ({
        kind,
        ms,
        status,
        afterDeadline: sentAt >= deadline,
        answeredAfter: Date.now() >= deadline,
        body: text,
      }));
    };
    requests.push(measure("answer", "PUT", `/answers/${item.question.id}`, { answer: answerFor(item.question, round), tabId: this.tabId }));
    // The page's own rhythms: a heartbeat every HEARTBEAT_EVERY periods on its own timer (half a period
    // after the answer), the code (debounced) every other period, a quarter period after the answer.
    if (round % HEARTBEAT_EVERY === 0) {
      requests.push(measure("heartbeat", "POST", "/heartbeat", { tabId: this.tabId, position: item.position }, PERIOD_MS / 2));
    }
    if (this.task && this.index % 2 === 0 && round % 2 === 1) {
      const code = `${this.task.task.code}\n# typed by candidate ${this.index}, round ${round}\n`;
      requests.push(measure("code", "PUT", `/tasks/${this.task.task.index}`, { code, tabId: this.tabId }, PERIOD_MS / 4));
    }
    return Promise.all(requests);
  }
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

process.env.TEST_EMBEDDED_POSTGRES_PORT ??= "54350";
const stack = await startStack(PORT);
try {
  if (!stack.databaseUrl) throw new Error("with BENCH_URL, set BENCH_DATABASE_URL to the stack's database");
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.NEXTAUTH_SECRET = process.env.BENCH_NEXTAUTH_SECRET ?? STACK_SECRET;
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
       SELECT ('c0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'bench-candidate-' || n || '@example.org',
              'Candidate ' || n, 'not-used', now()
         FROM generate_series(1, $1::int) n
       ON CONFLICT (id) DO NOTHING`,
      [CANDIDATES],
    );

    // Imported only now: the Prisma client reads DATABASE_URL when first used.
    const { startInterview } = await import("../lib/interviews/start-interview");
    const { disconnectPrisma } = await import("../lib/db/client");
    const setupStarted = performance.now();
    // The deadline is fixed before the interviews start, so that all share it; the saving begins once they all run.
    const setupAllowanceMs = 20_000 + CANDIDATES * 100;
    const deadline = Date.now() + setupAllowanceMs + DEADLINE_IN * 1000;
    const sessions = await inParallel(Array.from({ length: CANDIDATES }, (_, index) => index), 4, async (index) => {
      const now = new Date();
      const { id } = await startInterview(candidateId(index), "en", { format: "short", level: index % 2 === 0 ? "junior" : "senior" }, {
        now,
        durationMs: deadline - now.getTime(),
      });
      return id;
    });
    await disconnectPrisma();
    const candidates = await Promise.all(
      sessions.map(async (sessionId, index) => new Candidate(index, candidateId(index), sessionId, stack.base, await sessionCookie(candidateId(index)))),
    );
    await inParallel(candidates, 8, (candidate) => candidate.load());
    // Warm-up, not measured: the first request to each route loads its code in the web app.
    for (let warm = 0; warm < 3; warm += 1) await Promise.all(candidates.slice(0, 4).map((candidate) => candidate.round(warm, deadline)));
    const withTask = candidates.filter((candidate) => candidate.task && candidate.index % 2 === 0).length;
    log(
      `${CANDIDATES} interviews started and loaded in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s ` +
        `(${candidates[0]!.questions.length} questions + ${candidates[0]!.task ? 1 : 0} task each; ${withTask} candidates type code)`,
    );
    // Wait out the rest of the set-up allowance: the saving phase starts DEADLINE_IN seconds before the deadline.
    const savingStart = deadline - DEADLINE_IN * 1000;
    if (Date.now() > savingStart) throw new Error("the set-up took longer than its allowance; the deadline is too near");
    await sleep(savingStart - Date.now());
    log(`saving: each candidate every ${PERIOD_MS / 1000} s for ${SECONDS} s; the deadline is ${DEADLINE_IN} s in (${new Date(deadline).toISOString()})`);

    // 3 (started now, so that it watches the deadline while the saves go on).
    const handedInAt = new Map<string, number>();
    const watching = (async () => {
      await sleep(Math.max(0, deadline - 1000 - Date.now()));
      const deadlineAt = deadline;
      while (handedInAt.size < sessions.length && Date.now() - deadlineAt < 120_000) {
        const { rows } = await client.query<{ id: string }>(`SELECT id FROM "InterviewSession" WHERE status <> 'IN_PROGRESS'`);
        const seenAt = Date.now();
        for (const { id } of rows) if (!handedInAt.has(id)) handedInAt.set(id, seenAt);
        await sleep(HAND_IN_POLL_MS);
      }
    })();

    const samples: Sample[] = [];
    const savingEnd = savingStart + SECONDS * 1000;
    // Where the cores go while the candidates save (until the deadline), and while it is handed in.
    const cpuAtStart = sampleCpu(stack.processGroup);
    const loadAtStart = loadAverage();
    let cpuSaving: ReturnType<typeof cpuBetween> | undefined;
    let cpuHandIn: ReturnType<typeof cpuBetween> | undefined;
    void sleep(deadline - Date.now()).then(() => {
      const atDeadline = sampleCpu(stack.processGroup);
      cpuSaving = cpuBetween(cpuAtStart, atDeadline);
      void watching.then(() => (cpuHandIn = cpuBetween(atDeadline, sampleCpu(stack.processGroup))));
    });
    await Promise.all(
      candidates.map(async (candidate) => {
        // Staggered across the period: the load is even, not a burst every 5 s.
        let due = savingStart + (candidate.index / CANDIDATES) * PERIOD_MS;
        for (let round = 0; due < savingEnd; round += 1, due += PERIOD_MS) {
          await sleep(Math.max(0, due - Date.now()));
          samples.push(...(await candidate.round(round, deadline)));
        }
      }),
    );
    await watching;

    // Saves
    const saves = samples.filter((sample) => sample.kind !== "heartbeat");
    const accepted = (kind?: Sample["kind"]) => samples.filter((sample) => (kind ? sample.kind === kind : sample.kind !== "heartbeat") && sample.status === 200);
    const refusedLate = samples.filter((sample) => sample.status === 409 && sample.kind !== "heartbeat");
    // A save in flight at the deadline may go either way; one sent after it and accepted would be a breach.
    const lateAccepted = samples.filter((sample) => sample.kind !== "heartbeat" && sample.afterDeadline && sample.status === 200);
    const errors = [
      ...samples.filter((sample) => !(sample.status === 200 || (sample.status === 409 && sample.answeredAfter && sample.kind !== "heartbeat"))),
      ...lateAccepted,
    ];
    log(`saves before the deadline (client: request → whole answer)`);
    log(`   all saves  ${milliseconds(accepted().map((sample) => sample.ms))}`);
    log(`   answers    ${milliseconds(accepted("answer").map((sample) => sample.ms))}`);
    log(`   code       ${milliseconds(accepted("code").map((sample) => sample.ms))}`);
    log(`   heartbeats ${milliseconds(accepted("heartbeat").map((sample) => sample.ms))}`);
    log(
      `   ${saves.length} saves sent, ${accepted().length} accepted, ${refusedLate.length} refused with 409 after the deadline ` +
        `(${milliseconds(refusedLate.map((sample) => sample.ms))}), ${lateAccepted.length} accepted though sent after it`,
    );
    log(`   errors: ${errors.length}`);
    if (cpuSaving) log(`   CPU while saving: ${describeCpu(cpuSaving)}`);
    log(`   load average (1/5/15 min): ${loadAverage()} after saving, ${loadAtStart} before`);
    for (const error of errors.slice(0, 5)) log(`      ${error.kind} ${error.status} ${error.body.slice(0, 200)}`);

    // Hand-in
    const { rows: finished } = await client.query<{ id: string; status: string; endsAt: Date; handedInAt: Date | null }>(
      `SELECT s.id, s.status::text, s."endsAt", min(sub."queuedAt") AS "handedInAt"
         FROM "InterviewSession" s LEFT JOIN "Submission" sub ON sub."interviewSessionId" = s.id
        GROUP BY s.id`,
    );
    const stillRunning = finished.filter((session) => session.status === "IN_PROGRESS").length;
    const observed = [...handedInAt.values()].map((seenAt) => seenAt - deadline);
    const server = finished.flatMap((session) => (session.handedInAt ? [session.handedInAt.getTime() - session.endsAt.getTime()] : []));
    const statuses = finished.reduce<Record<string, number>>((count, session) => ({ ...count, [session.status]: (count[session.status] ?? 0) + 1 }), {});
    log(`hand-in at the deadline (the worker's job; no browser involved)`);
    log(`   ${finished.length - stillRunning}/${finished.length} handed in (${JSON.stringify(statuses)}), ${stillRunning} still running`);
    log(`   observed (polled every ${HAND_IN_POLL_MS} ms): p95 ${percentile(observed, 0.95).toFixed(0)} ms, max ${Math.max(...observed).toFixed(0)} ms after the deadline (n=${observed.length})`);
    log(`   server (typed code's submission, queuedAt): p95 ${percentile(server, 0.95).toFixed(0)} ms, max ${Math.max(...server).toFixed(0)} ms after the deadline (n=${server.length})`);
    if (cpuHandIn) log(`   CPU while handing in: ${describeCpu(cpuHandIn)}`);

    // Grading of the typed code, and the scores (informational).
    const graded = (async () => {
      for (;;) {
        const { rows } = await client.query<{ pending: string; unscored: string; last: Date | null; verdicts: Record<string, number> | null }>(`
          SELECT (SELECT count(*) FROM "Submission" WHERE "interviewSessionId" IS NOT NULL AND status <> 'DONE') AS pending,
                 (SELECT count(*) FROM "InterviewSession" WHERE score IS NULL) AS unscored,
                 (SELECT max("finishedAt") FROM "Submission" WHERE "interviewSessionId" IS NOT NULL) AS last,
                 (SELECT jsonb_object_agg(verdict, n) FROM (SELECT verdict::text, count(*) AS n FROM "Submission" WHERE "interviewSessionId" IS NOT NULL AND verdict IS NOT NULL GROUP BY verdict) v) AS verdicts`);
        const row = rows[0]!;
        if (Number(row.pending) === 0 && Number(row.unscored) === 0) return row;
        if (Date.now() - deadline > 30 * 60_000) throw new Error(`grading did not finish in 30 minutes: ${JSON.stringify(row)}`);
        await sleep(1000);
      }
    })();
    const done = await graded;
    log(
      `typed code graded: ${server.length} submissions, all with a verdict ${done.last ? ((done.last.getTime() - deadline) / 1000).toFixed(1) : "?"} s after the deadline ` +
        `(${JSON.stringify(done.verdicts)}); every interview has its score`,
    );

    const p95 = percentile(accepted().map((sample) => sample.ms), 0.95);
    const handInMax = Math.max(...observed, ...server);
    log(`targets: save p95 ${p95.toFixed(0)} ms < ${SAVE_P95_TARGET_MS} ms ${p95 < SAVE_P95_TARGET_MS ? "MET" : "MISSED"}; ` +
      `every hand-in within ${HAND_IN_TARGET_MS / 1000} s (max ${(handInMax / 1000).toFixed(2)} s) ${stillRunning === 0 && handInMax <= HAND_IN_TARGET_MS ? "MET" : "MISSED"}; ` +
      `errors ${errors.length === 0 ? "none" : errors.length}`);
  } finally {
    await client.end();
  }
} finally {
  await stack.stop();
}

/**
 * The whole stack for a bench (`npm start`: web app + one grader worker) on
 * a fresh database (embedded PostgreSQL under .data/bench-postgres), unless
 * BENCH_URL points at a running one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createTestDatabase, startTestServer } from "../../tests/support/test-database";
import { sleep } from "./stats";

export type Stack = {
  base: string;
  /** The stack's database (BENCH_DATABASE_URL with BENCH_URL), for benches that also act in-process. */
  databaseUrl: string | undefined;
  /** The process group of the stack's processes (web app, worker), to read their CPU; none with BENCH_URL. */
  processGroup: number | undefined;
  stop: () => Promise<void>;
};

export async function startStack(port: number, environment: Record<string, string> = {}): Promise<Stack> {
  if (process.env.BENCH_URL) return { base: process.env.BENCH_URL, databaseUrl: process.env.BENCH_DATABASE_URL, processGroup: undefined, stop: async () => undefined };
  process.env.TEST_EMBEDDED_POSTGRES_PORT ??= "54349";
  const server = await startTestServer();
  const database = await createTestDatabase(server.adminUrl, { migrate: false });
  const stack: ChildProcess = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXTAUTH_SECRET: "bench-secret-0123456789abcdefghijklmnopqrstuv",
      NEXTAUTH_URL: `http://localhost:${port}`,
      // Every simulated student signs up and in from this one address.
      SUBMISSIONS_PER_MINUTE: "100000",
      SIGNUPS_PER_ADDRESS: "100000",
      SIGNIN_ATTEMPTS_PER_ADDRESS: "100000",
      ...environment,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://localhost:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    const healthy = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (attempt > 600) throw new Error("the stack did not become healthy in 5 minutes");
    await sleep(500);
  }
  return {
    base,
    databaseUrl: environment.DATABASE_URL ?? database.url,
    processGroup: stack.pid,
    stop: async () => {
      if (stack.pid) process.kill(-stack.pid, "SIGTERM");
      await new Promise((resolve) => stack.once("exit", resolve));
      await database.drop();
      await server.embedded?.stop();
    },
  };
}


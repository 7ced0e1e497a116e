// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the
// embedded PostgreSQL when it is unset) and stops.
import { applyMigrations } from "../lib/db/migrations";
import { resolveDatabase } from "../lib/runtime/database-url";

const log = (line: string) => console.log(`[migrate] ${line}`);
const database = await resolveDatabase(log);
try {
  const report = await applyMigrations(database.url, { log });
  log(`${report.applied.length} applied, ${report.alreadyApplied.length} already applied`);
} catch (error) {
  console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}

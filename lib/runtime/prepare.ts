/**
 * Brings a database up to date before anything serves from it: our
 * migrations, the queue's own schema, and the course content.
 */
import { applyMigrations } from "../db/migrations";
import { migrateQueue } from "../queue/queue";
import { loadContent } from "../content/load-content";
import { syncContent, type SyncSummary } from "../content/sync-content";

export async function prepareDatabase(url: string, log: (line: string) => void): Promise<SyncSummary> {
  const report = await applyMigrations(url, { log });
  log(`migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already applied`);
  await migrateQueue(url);
  const content = await loadContent();
  for (const warning of content.warnings) log(`content warning: ${warning.file}: ${warning.message}`);
  const summary = await syncContent(content);
  log(
    `content: ${summary.courses} course(s), ${summary.chapters} chapter(s), ${summary.items} item(s) ` +
      `(${summary.changed} changed, ${summary.archived} archived); ${summary.questions} quiz question(s) ` +
      `(${summary.questionsChanged} changed, ${summary.questionsArchived} archived)`,
  );
  return summary;
}

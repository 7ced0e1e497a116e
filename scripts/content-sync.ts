// `npm run content:sync`: validates exercises/ and syncs it to the database
// (npm start runs the same step). Prints every error of every file at once.
import { prepareDatabase } from "../lib/runtime/prepare";
import { resolveDatabase } from "../lib/runtime/database-url";
import { disconnectPrisma } from "../lib/db/client";

const log = (line: string) => console.log(`[content] ${line}`);
const database = await resolveDatabase(log);
process.env.DATABASE_URL = database.url;
try {
  await prepareDatabase(database.url, log);
} catch (error) {
  console.error(`[content] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectPrisma();
  await database.embedded?.stop();
}

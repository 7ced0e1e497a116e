// `npm run content:schemas`: writes exercises/schemas/*.schema.json from the
// zod schemas, for editors (a unit test fails when they are stale).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { JSON_SCHEMA_DIRECTORY, renderJsonSchemas } from "../lib/content/json-schemas";

const directory = path.join(process.cwd(), JSON_SCHEMA_DIRECTORY);
await mkdir(directory, { recursive: true });
for (const [name, text] of renderJsonSchemas()) {
  await writeFile(path.join(directory, name), text);
  console.log(`wrote ${path.join(JSON_SCHEMA_DIRECTORY, name)}`);
}

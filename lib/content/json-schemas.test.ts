import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_DIRECTORY, renderJsonSchemas } from "./json-schemas";

describe("exercises/schemas/*.schema.json", () => {
  it.each([...renderJsonSchemas()])("%s matches lib/content/schemas.ts (run npm run content:schemas)", (name, text) => {
    const file = path.join(process.cwd(), JSON_SCHEMA_DIRECTORY, name);
    expect(existsSync(file), `${file} is missing: run npm run content:schemas`).toBe(true);
    expect(readFileSync(file, "utf8"), `${file} is stale: run npm run content:schemas`).toBe(text);
  });
});

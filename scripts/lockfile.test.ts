// `npm ci` (CI) refuses a lockfile that lacks any optional dependency, even
// one for another platform; this registry serves only linux-x64 builds, so
// npm install leaves the others out. `npm run lockfile:platforms` adds them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type LockEntry = { optionalDependencies?: Record<string, string> };

describe("package-lock.json", () => {
  it("records every optional dependency, so npm ci accepts it", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockEntry> };
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${key ? `${key}/` : ""}node_modules/${name}`;
        if (!lock.packages[`node_modules/${name}`] && !lock.packages[nested]) missing.push(`${name} (wanted by ${key || "the project"})`);
      }
    }
    expect(missing, "run `npm run lockfile:platforms`").toEqual([]);
  });
});

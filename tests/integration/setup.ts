// Runs before each integration test file: a fresh migrated database, and the
// environment the web and worker code read.
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "../support/test-database";
import { disconnectPrisma } from "../../lib/db/client";

const database = await createTestDatabase(inject("adminDatabaseUrl"));
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET = "integration-test-secret-0123456789abcdef";
process.env.NEXTAUTH_URL = "http://localhost:3000";

afterAll(async () => {
  await disconnectPrisma();
  await database.drop();
});

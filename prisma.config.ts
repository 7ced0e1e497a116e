import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate` here: migrations are SQL
// files applied by lib/db/migrations.ts (see README, "Database").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/awaitable" },
});

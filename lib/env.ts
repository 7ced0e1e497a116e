/**
 * The environment, parsed once with zod. Web, worker and scripts call
 * getEnv() at startup so a missing or malformed variable stops them with a
 * readable message instead of failing later at first use.
 */
import { z } from "zod";

const postgresUrl = z
  .string({ error: "is required (e.g. postgresql://user:password@127.0.0.1:5432/awaitable)" })
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z
    .string({ error: "is required: a random string of at least 32 characters (npm start makes one when unset)" })
    .min(32, "must be at least 32 characters long"),
  NEXTAUTH_URL: z.url().optional(),
  ADMIN_EMAIL: z.email().optional(),
  GRADER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().positive().default(5),
});

export type Env = z.infer<typeof envSchema>;

/** What a grader worker needs: no session secret (it serves no one). */
const workerEnvSchema = envSchema.pick({ NODE_ENV: true, DATABASE_URL: true, GRADER_CONCURRENCY: true, WORKER_HEARTBEAT_SECONDS: true });
export type WorkerEnv = z.infer<typeof workerEnvSchema>;

let cached: Env | undefined;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

export function parseWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseWith(workerEnvSchema, source);
}

function parseWith<Schema extends z.ZodType>(schema: Schema, source: Record<string, string | undefined>): z.output<Schema> {
  // Empty strings count as unset: `FOO= npm start` should mean "use the default".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
  }
  return result.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Only the database's URL: what the Prisma client needs. Commands that touch
 * the database but not sessions (content sync, roles) must not require
 * NEXTAUTH_SECRET.
 */
export function getDatabaseUrl(): string {
  const result = envSchema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL || undefined);
  if (!result.success) {
    throw new EnvError(`Invalid environment configuration:\n  - DATABASE_URL: ${result.error.issues[0]?.message ?? "invalid"}\nSee the configuration table in README.md.`);
  }
  return result.data;
}

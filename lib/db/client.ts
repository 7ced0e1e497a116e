/**
 * The one Prisma client module. The client is created on first use (not at
 * import), because Next's build imports server modules without a database,
 * and cached on globalThis so dev-server reloads do not open new pools.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { getDatabaseUrl } from "../env";

export type { Prisma } from "../generated/prisma/client";

const clientOptions = {
  // Password hashes never leave the database unless a query asks for them.
  omit: { user: { passwordHash: true } },
} as const;

export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg(
    { connectionString },
    {
      // A dropped connection (a database restart) must not crash the process:
      // the pool replaces the client and the next query reconnects.
      onPoolError: (error) => console.error(`[db] idle connection lost: ${error.message}`),
      onConnectionError: (error) => console.error(`[db] connection error: ${error.message}`),
    },
  );
  const client = new PrismaClient({ adapter, ...clientOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query", () => {
    queriesIssued += 1;
  });
  return client;
}

let queriesIssued = 0;

/**
 * How many statements this process's clients have sent so far. Tests and
 * benchmarks read it before and after a page's loaders to prove the count
 * does not grow with the data (no N+1).
 */
export function databaseQueryCount(): number {
  return queriesIssued;
}

export type Database = ReturnType<typeof createPrismaClient>;
/** The client type inside `prisma.$transaction(async (tx) => ...)`. */
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { awaitablePrisma?: Database };

function client(): Database {
  globalForPrisma.awaitablePrisma ??= createPrismaClient(getDatabaseUrl());
  return globalForPrisma.awaitablePrisma;
}

export const prisma: Database = new Proxy({} as Database, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
});

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.awaitablePrisma?.$disconnect();
  globalForPrisma.awaitablePrisma = undefined;
}

// Prints the SQL that creates prisma/schema.prisma's schema from nothing.
// `prisma migrate diff` cannot run on machines without the schema engine, so
// a new migration is written by hand from the difference between this output
// before and after the schema change (see README, "Database").
import { loadExpectedSchema, renderCreateSql } from "../lib/db/schema-model";

process.stdout.write(renderCreateSql(loadExpectedSchema()));

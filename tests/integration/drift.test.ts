// Fails when prisma/schema.prisma and the database the migrations build
// disagree: a schema change without a migration, or a migration without the
// schema change. (`prisma migrate diff` would do this where the schema
// engine can be downloaded; here it cannot.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExpectedSchema } from "../../lib/db/schema-model";

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => client.connect());
afterAll(() => client.end());

const rows = async <Row extends pg.QueryResultRow>(sql: string) => (await client.query<Row>(sql)).rows;

describe("schema.prisma and the migrated database agree", () => {
  const expected = loadExpectedSchema();

  it("has exactly the models' tables", async () => {
    const tables = await rows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(tables.map((table) => table.table_name).sort()).toEqual(expected.tables.map((table) => table.name).sort());
  });

  it("has exactly the fields' columns, with the same types, nullability and defaults", async () => {
    const columns = await rows<{ table_name: string; column_name: string; sql_type: string; not_null: boolean; default_sql: string | null }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS sql_type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_sql
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
    const normaliseType = (type: string) =>
      type
        .toUpperCase()
        .replace(/"/g, "")
        .replace("TIMESTAMP(3) WITHOUT TIME ZONE", "TIMESTAMP(3)");
    const normaliseDefault = (value: string | null) =>
      value === null ? null : value.replace(/::[\w" ]+(\[\])?$/, "").replace(/^CURRENT_TIMESTAMP$/i, "CURRENT_TIMESTAMP");
    const actual = columns
      .map((column) => ({
        column: `${column.table_name}.${column.column_name}`,
        type: normaliseType(column.sql_type),
        nullable: !column.not_null,
        default: normaliseDefault(column.default_sql),
      }))
      .sort((a, b) => a.column.localeCompare(b.column));
    const wanted = expected.tables
      .flatMap((table) =>
        table.columns.map((column) => ({
          column: `${table.name}.${column.name}`,
          type: normaliseType(column.sqlType),
          nullable: column.nullable,
          default: normaliseDefault(column.defaultSql),
        })),
      )
      .sort((a, b) => a.column.localeCompare(b.column));
    expect(actual).toEqual(wanted);
  });

  it("has the same primary keys, unique and plain indexes", async () => {
    const indexes = await rows<{ table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean }>(`
      SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
             array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`);
    const describe = (table: string, columns: string[], kind: string) => `${kind} ${table}(${columns.join(", ")})`;
    const actual = indexes
      .map((index) => describe(index.table_name, index.columns, index.is_primary ? "primary" : index.is_unique ? "unique" : "index"))
      .sort();
    const wanted = [
      ...expected.tables.map((table) => describe(table.name, table.primaryKey, "primary")),
      ...expected.indexes.map((index) => describe(index.table, index.columns, index.unique ? "unique" : "index")),
    ].sort();
    expect(actual).toEqual(wanted);
  });

  it("has the same enums and foreign keys", async () => {
    const enums = await rows<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
       GROUP BY t.typname`);
    expect(enums.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...expected.enums].sort((a, b) => a.name.localeCompare(b.name)),
    );
    const keys = await rows<{ name: string; definition: string }>(`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`);
    const actual = keys.map((key) => `${key.name}: ${key.definition.replace(/ ON UPDATE CASCADE/, "").replace(/ ON DELETE RESTRICT/, "")}`).sort();
    const wanted = expected.foreignKeys
      .map(
        (key) =>
          `${key.name}: FOREIGN KEY (${key.columns.map((column) => `"${column}"`).join(", ")}) REFERENCES "${key.referencedTable}"(${key.referencedColumns.map((column) => `"${column}"`).join(", ")})${key.onDelete === "RESTRICT" ? "" : ` ON DELETE ${key.onDelete}`}`,
      )
      .sort();
    // pg_get_constraintdef quotes identifiers only where needed.
    const unquote = (definitions: string[]) => definitions.map((definition) => definition.replaceAll('"', ""));
    expect(unquote(actual)).toEqual(unquote(wanted));
  });
});

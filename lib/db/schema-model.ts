/**
 * What the database should look like according to prisma/schema.prisma,
 * derived from Prisma's own schema parser (the DMMF, computed by the wasm
 * build of prisma-schema, which works offline). The drift test compares it
 * with the migrated database; `npm run db:sql` prints it as the SQL that
 * `prisma migrate diff --from-empty` would write, to start a new migration from.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";

const require = createRequire(import.meta.url);

const dmmfFieldSchema = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "object", "enum", "unsupported"]),
  isList: z.boolean(),
  isRequired: z.boolean(),
  isId: z.boolean(),
  isUpdatedAt: z.boolean(),
  hasDefaultValue: z.boolean(),
  type: z.string(),
  nativeType: z.tuple([z.string(), z.array(z.string())]).nullish(),
  default: z.unknown().optional(),
  relationFromFields: z.array(z.string()).optional(),
  relationToFields: z.array(z.string()).optional(),
  relationOnDelete: z.string().optional(),
});

const dmmfSchema = z.object({
  datamodel: z.object({
    enums: z.array(
      z.object({ name: z.string(), dbName: z.string().nullish(), values: z.array(z.object({ name: z.string(), dbName: z.string().nullish() })) }),
    ),
    models: z.array(z.object({ name: z.string(), dbName: z.string().nullish(), fields: z.array(dmmfFieldSchema) })),
    indexes: z.array(
      z.object({
        model: z.string(),
        type: z.enum(["id", "unique", "normal", "fulltext"]),
        dbName: z.string().nullish(),
        name: z.string().nullish(),
        fields: z.array(z.object({ name: z.string() })),
      }),
    ),
  }),
});

export type ExpectedColumn = { name: string; sqlType: string; nullable: boolean; defaultSql: string | null };
export type ExpectedIndex = { name: string; table: string; columns: string[]; unique: boolean };
export type ExpectedForeignKey = {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
};
export type ExpectedTable = { name: string; columns: ExpectedColumn[]; primaryKey: string[] };
export type ExpectedSchema = {
  enums: { name: string; values: string[] }[];
  tables: ExpectedTable[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};

const scalarSqlTypes: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "DOUBLE PRECISION",
  Decimal: "DECIMAL(65,30)",
  Boolean: "BOOLEAN",
  DateTime: "TIMESTAMP(3)",
  Json: "JSONB",
  Bytes: "BYTEA",
};

const nativeSqlTypes: Record<string, string> = { Uuid: "UUID", Text: "TEXT", Integer: "INTEGER", JsonB: "JSONB" };

const onDeleteSql: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  SetNull: "SET NULL",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

export function loadExpectedSchema(schemaPath = path.join(process.cwd(), "prisma/schema.prisma")): ExpectedSchema {
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };
  const raw: unknown = JSON.parse(
    wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync(schemaPath, "utf8")]] })),
  );
  const { datamodel } = dmmfSchema.parse(raw);
  const enumNames = new Set(datamodel.enums.map((enumType) => enumType.name));
  const tableName = (modelName: string): string =>
    datamodel.models.find((model) => model.name === modelName)?.dbName ?? modelName;

  const tables: ExpectedTable[] = [];
  const foreignKeys: ExpectedForeignKey[] = [];
  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const columnName = (fieldName: string): string =>
      model.fields.find((field) => field.name === fieldName)?.dbName ?? fieldName;
    const columns: ExpectedColumn[] = [];
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const columnsFrom = field.relationFromFields.map(columnName);
          foreignKeys.push({
            name: `${table}_${columnsFrom.join("_")}_fkey`,
            table,
            columns: columnsFrom,
            referencedTable: tableName(field.type),
            referencedColumns: field.relationToFields ?? [],
            onDelete: onDeleteSql[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")] ?? "RESTRICT",
          });
        }
        continue;
      }
      const baseType = field.nativeType
        ? (nativeSqlTypes[field.nativeType[0]] ?? field.nativeType[0].toUpperCase())
        : enumNames.has(field.type)
          ? `"${field.type}"`
          : (scalarSqlTypes[field.type] ?? field.type);
      columns.push({
        name: field.dbName ?? field.name,
        sqlType: field.isList ? `${baseType}[]` : baseType,
        nullable: !field.isRequired,
        defaultSql: defaultSql(field.default, field.kind === "enum", baseType),
      });
    }
    // A field's @id, or the model's compound @@id (listed among the indexes as type "id").
    const compoundId = datamodel.indexes.find((index) => index.model === model.name && index.type === "id");
    const primaryKey = compoundId
      ? compoundId.fields.map((field) => columnName(field.name))
      : model.fields.filter((field) => field.isId).map((field) => field.dbName ?? field.name);
    tables.push({ name: table, columns, primaryKey });
  }

  const indexes: ExpectedIndex[] = datamodel.indexes
    .filter((index) => index.type === "unique" || index.type === "normal")
    .map((index) => {
      const table = tableName(index.model);
      const model = datamodel.models.find((candidate) => candidate.name === index.model);
      const columns = index.fields.map(
        (field) => model?.fields.find((candidate) => candidate.name === field.name)?.dbName ?? field.name,
      );
      const unique = index.type === "unique";
      return {
        name: index.dbName ?? `${table}_${columns.join("_")}_${unique ? "key" : "idx"}`,
        table,
        columns,
        unique,
      };
    });

  return {
    enums: datamodel.enums.map((enumType) => ({
      name: enumType.dbName ?? enumType.name,
      values: enumType.values.map((value) => value.dbName ?? value.name),
    })),
    tables,
    indexes,
    foreignKeys,
  };
}

function defaultSql(value: unknown, isEnum: boolean, baseType: string): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    const items = value.map((item) => defaultSql(item, isEnum, baseType) ?? "NULL");
    return `ARRAY[${items.join(", ")}]::${baseType}[]`;
  }
  if (typeof value === "object" && "name" in value) {
    const name = (value as { name: unknown }).name;
    if (name === "now") return "CURRENT_TIMESTAMP";
    // uuid() and cuid() are filled in by the client, not by the database.
    return null;
  }
  if (typeof value === "string") return isEnum ? `'${value}'` : `'${value.replaceAll("'", "''")}'`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** The full CREATE script for the schema, in the layout `prisma migrate diff` uses. */
export function renderCreateSql(schema: ExpectedSchema): string {
  const parts: string[] = [];
  for (const enumType of schema.enums) {
    parts.push(
      `-- CreateEnum\nCREATE TYPE "${enumType.name}" AS ENUM (${enumType.values.map((value) => `'${value}'`).join(", ")});`,
    );
  }
  for (const table of schema.tables) {
    const lines = table.columns.map(
      (column) =>
        `    "${column.name}" ${column.sqlType}${column.nullable ? "" : " NOT NULL"}${column.defaultSql ? ` DEFAULT ${column.defaultSql}` : ""}`,
    );
    lines.push(`\n    CONSTRAINT "${table.name}_pkey" PRIMARY KEY (${table.primaryKey.map((key) => `"${key}"`).join(",")})`);
    parts.push(`-- CreateTable\nCREATE TABLE "${table.name}" (\n${lines.join(",\n")}\n);`);
  }
  for (const index of schema.indexes) {
    parts.push(
      `-- CreateIndex\nCREATE ${index.unique ? "UNIQUE " : ""}INDEX "${index.name}" ON "${index.table}"(${index.columns.map((column) => `"${column}"`).join(", ")});`,
    );
  }
  for (const key of schema.foreignKeys) {
    parts.push(
      `-- AddForeignKey\nALTER TABLE "${key.table}" ADD CONSTRAINT "${key.name}" FOREIGN KEY (${key.columns.map((column) => `"${column}"`).join(", ")}) REFERENCES "${key.referencedTable}"(${key.referencedColumns.map((column) => `"${column}"`).join(", ")}) ON DELETE ${key.onDelete} ON UPDATE CASCADE;`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}

/**
 * The progress matrix's filters and sort, read from the page's query string
 * (a GET form, so they work without JavaScript) and from the export route's.
 */
import { z } from "zod";

export const MATRIX_VIEWS = ["all", "not-started", "struggling"] as const;
export const MATRIX_SORTS = ["student", "total", "item"] as const;

/** An empty form field means "no filter", as a browser sends it. */
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const ZMatrixFilters = z.object({
  assignment: optional(z.uuid()),
  chapter: optional(z.string().max(200)),
  concept: optional(z.string().max(200)),
  /** "not-started": students who started none of the shown items; "struggling": students with a struggling cell. */
  view: optional(z.enum(MATRIX_VIEWS)),
  sort: optional(z.enum(MATRIX_SORTS)),
  /** The item whose score orders the rows when sort=item. */
  item: optional(z.uuid()),
  dir: optional(z.enum(["asc", "desc"])),
});
export type TMatrixFilters = z.infer<typeof ZMatrixFilters>;

/** The export takes only the assignment. */
export const ZMatrixExportQuery = z.object({ assignment: optional(z.uuid()) });

/** A page's searchParams (string | string[] | undefined) as one value per key. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/** Invalid filters on a page are dropped one by one, not turned into an error page. */
export function readMatrixFilters(params: Record<string, string | undefined>): TMatrixFilters {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ZMatrixFilters.shape)) {
    const parsed = (schema as z.ZodType).safeParse(params[key]);
    if (parsed.success && parsed.data !== undefined) result[key] = parsed.data;
  }
  return ZMatrixFilters.parse(result);
}

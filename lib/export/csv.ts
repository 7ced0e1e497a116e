/**
 * CSV as RFC 4180 writes it, for spreadsheets: fields quoted when they hold
 * a comma, a quote or a line break (quotes doubled), CRLF between records,
 * and a UTF-8 byte order mark first, without which Excel reads UTF-8 as the
 * local code page and garbles Chinese names. A field a spreadsheet would run
 * as a formula (starting with = + - @, a tab or CR) gets a leading
 * apostrophe: a student's name is text, never a formula.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  const text =
    value === null || value === undefined
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "boolean"
          ? value ? "yes" : "no"
          : String(value);
  // Numbers are ours (a negative one is not a formula); text is whoever typed it.
  const guarded = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Content-Disposition for a download: an ASCII fallback for old clients and
 * the real name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(name: string): string {
  // Names come from class and assignment titles: nothing a file system refuses.
  const fileName = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(fileName) },
  });
}

/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: the progress matrix, a student's page and the drill-down into their attempts, CSV export.
 */
export const zhCN = {
  "matrix.title": "TODO",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "matrix.title": "TODO",
};

/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: assignments, due dates, extensions, late marking and penalties.
 */
export const zhCN = {
  "assignments.title": "TODO",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "assignments.title": "TODO",
};

/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: regrading an exercise for a class, with a preview.
 */
export const zhCN = {
  "regrade.title": "TODO",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "regrade.title": "TODO",
};

/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: what the class gets wrong: solve rates, failing tests and their misconceptions, quiz questions, concepts, progress over time.
 */
export const zhCN = {
  "insights.title": "TODO",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "insights.title": "TODO",
};

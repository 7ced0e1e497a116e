/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 */
export const zhCN = {} as const;

export const en: Record<keyof typeof zhCN, string> = {};

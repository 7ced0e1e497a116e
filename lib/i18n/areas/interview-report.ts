/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: the report of a mock interview and its shared, read-only view
 * (the keys shared with the interview's own pages are in ./interview.ts).
 */
export const zhCN = {
  "interviewReport.pageTitle": "面试报告",
} as const;

export const en: { [Key in keyof typeof zhCN]: string } = {
  "interviewReport.pageTitle": "Interview report",
};

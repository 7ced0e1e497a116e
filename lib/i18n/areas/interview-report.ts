/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: the report of a mock interview and its shared, read-only view
 * (the keys shared with the interview's own pages are in ./interview.ts).
 */
export const zhCN = {
  "interviewReport.pageTitle": "面试报告",
  "interviewReport.standing": "掌握情况",
  "interviewReport.formatLevel": "时长与难度",
  "interviewReport.shared.yourAnswer": "候选人的答案",
  "interviewReport.shared.yourChoice": "候选人的选择",
  "interviewReport.shared.flaggedMark": "候选人标记过这一项",
  "interviewReport.shared.practiceIntro": "这些练习覆盖了需要加强的知识点:",
  "interviewReport.shared.practiceNone": "每个知识点都掌握得不错。",
  "interviewReport.practiceMissing": "课程里暂时没有覆盖这些知识点的其他练习:可以回到上面的题目,再读一遍解析。",
} as const;

export const en: { [Key in keyof typeof zhCN]: string } = {
  "interviewReport.pageTitle": "Interview report",
  "interviewReport.standing": "Standing",
  "interviewReport.formatLevel": "Length and level",
  "interviewReport.shared.yourAnswer": "The candidate's answer",
  "interviewReport.shared.yourChoice": "the candidate's choice",
  "interviewReport.shared.flaggedMark": "The candidate flagged this item",
  "interviewReport.shared.practiceIntro": "These exercises cover the concepts that need work:",
  "interviewReport.shared.practiceNone": "Every concept went well.",
  "interviewReport.practiceMissing": "The course has no other exercise on these concepts yet: go back over the questions above and their explanations.",
};

/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: regrading an exercise for a class, with a preview.
 */
export const zhCN = {
  "regrade.title": "重新评分",
  "regrade.error.applyRunning": "这个练习的重新评分正在进行({who} 于 {when} 发起,已完成 {done}/{total})。请等它完成后再试。",
  "regrade.error.previewRunning": "这个班级对这个练习的预览正在进行({who} 于 {when} 发起)。请等它完成后查看结果。",
  "regrade.error.useClassPage": "教师只能为自己的班级重新评分:请在「我的班级」中打开班级,进入「重新评分」页面。",
  "regrade.error.rateLimited": "你刚刚发起了多次重新评分。请 {seconds} 秒后再试。",
  "regrade.error.batchNotFound": "找不到这次重新评分。",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "regrade.title": "Regrade",
  "regrade.error.applyRunning": "A regrade of this exercise is already running (requested by {who} at {when}, {done}/{total} done). Try again once it has finished.",
  "regrade.error.previewRunning": "A preview of this exercise for this class is already running (requested by {who} at {when}). Wait for it and look at its result.",
  "regrade.error.useClassPage": "Teachers regrade for their own classes only: open the class from My classes and use its Regrade page.",
  "regrade.error.rateLimited": "You have just requested several regrades. Try again in {seconds} s.",
  "regrade.error.batchNotFound": "No such regrade.",
};

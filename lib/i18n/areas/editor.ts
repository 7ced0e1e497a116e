/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: the code editor, read-only code and the diff of two versions.
 */
export const zhCN = {
  "editor.escapeHint": "按 Esc 再按 Tab 可离开编辑器",
  "editor.submitShortcut": "{mod}+Enter 提交",
  "editor.runShortcut": "{mod}+' 运行",
  "editor.errorsTitle": "代码中的错误",
  "editor.errorLine": "第 {line} 行",
  "editor.goToLine": "跳到第 {line} 行",
  "editor.diffSummary": "新增 {added} 行,删除 {removed} 行",
  "editor.diffSame": "两个版本的代码完全相同。",
  "editor.diffAdded": "新增",
  "editor.diffRemoved": "删除",
  "editor.diffUnchanged": "未改动",
  "editor.diffOldLine": "旧版行号",
  "editor.diffNewLine": "新版行号",
  "editor.diffChange": "改动",
  "editor.diffCode": "代码",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "editor.escapeHint": "Esc, then Tab, leaves the editor",
  "editor.submitShortcut": "{mod}+Enter submits",
  "editor.runShortcut": "{mod}+' runs",
  "editor.errorsTitle": "Errors in the code",
  "editor.errorLine": "Line {line}",
  "editor.goToLine": "Go to line {line}",
  "editor.diffSummary": "Lines added: {added}, removed: {removed}",
  "editor.diffSame": "The two versions are the same.",
  "editor.diffAdded": "added",
  "editor.diffRemoved": "removed",
  "editor.diffUnchanged": "unchanged",
  "editor.diffOldLine": "Old line",
  "editor.diffNewLine": "New line",
  "editor.diffChange": "Change",
  "editor.diffCode": "Code",
};

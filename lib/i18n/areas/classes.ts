/**
 * The UI's strings of one area, zh-CN first and en (merged into the one
 * catalogue in ../messages.ts). The en table is typed against the zh-CN one.
 * This area: classes, join codes, rosters, co-teachers, the teacher's home and the student's classes.
 */
export const zhCN = {
  "classes.navTeach": "教学",
  "classes.navMine": "我的班级",
  "classes.teachHome": "我的班级(教师)",
  "classes.tabsLabel": "班级页面",
  "classes.tab.matrix": "进度矩阵",
  "classes.tab.insights": "常见错误",
  "classes.tab.assignments": "作业",
  "classes.tab.regrade": "重新评分",
  "classes.tab.settings": "学生与设置",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "classes.navTeach": "Teach",
  "classes.navMine": "My classes",
  "classes.teachHome": "My classes (teaching)",
  "classes.tabsLabel": "Class pages",
  "classes.tab.matrix": "Progress matrix",
  "classes.tab.insights": "What they get wrong",
  "classes.tab.assignments": "Assignments",
  "classes.tab.regrade": "Regrade",
  "classes.tab.settings": "Students & settings",
};

/**
 * The error page's strings (merged into ../messages.ts like every area).
 * app/error.tsx is a client component loaded with every page: it imports
 * this small table, never the whole catalogue.
 */
export const zhCN = {
  "error.pageTitle": "页面出错了",
  "error.pageText": "加载这个页面时出了问题,不是你的错。请重试;如果一直这样,请稍后再来。",
  "error.retry": "重试",
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  "error.pageTitle": "Something went wrong",
  "error.pageText": "This page failed to load, and it is not your fault. Try again; if it keeps happening, come back later.",
  "error.retry": "Try again",
};

export const errorPageText = { "zh-CN": zhCN, en } as const;

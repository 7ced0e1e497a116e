/**
 * Every user-facing string of the UI, zh-CN first and en. The en table is
 * typed against the zh-CN one, so a key missing in either fails typecheck.
 */
import type { Locale } from "./locales";

const zhCN = {
  "app.name": "Awaitable",
  "app.tagline": "在浏览器里练习 Python asyncio:写代码、提交、看你的协程在时间线上如何运行。",
  "nav.catalogue": "课程",
  "nav.signIn": "登录",
  "nav.signUp": "注册",
  "nav.signOut": "退出登录",
  "nav.admin": "用户管理",
  "nav.language": "语言",
  "nav.signedInAs": "已登录:{email}",
  "role.STUDENT": "学生",
  "role.TEACHER": "教师",
  "role.ADMIN": "管理员",
  "home.title": "课程目录",
  "home.empty": "还没有课程内容。内容位于 exercises/ 目录,`npm start` 启动时会自动同步。",
  "home.guestNote": "游客可以浏览课程;提交代码需要先注册账号。",
  "home.items": "{count} 项",
  "item.LESSON": "课文",
  "item.EXERCISE": "练习",
  "item.QUIZ": "测验",
  "auth.email": "邮箱",
  "auth.password": "密码",
  "auth.name": "昵称(可选)",
  "auth.signInTitle": "登录",
  "auth.signUpTitle": "注册新账号",
  "auth.signInButton": "登录",
  "auth.signUpButton": "注册",
  "auth.noAccount": "还没有账号?",
  "auth.haveAccount": "已经有账号?",
  "auth.wrongCredentials": "邮箱或密码不正确。",
  "auth.signedUp": "注册成功,请登录。",
  "auth.passwordHint": "至少 8 个字符。",
  "auth.working": "请稍候…",
  "auth.networkError": "无法连接服务器,请稍后再试。",
  "admin.usersTitle": "用户与角色",
  "admin.email": "邮箱",
  "admin.name": "昵称",
  "admin.role": "角色",
  "admin.createdAt": "注册时间",
  "admin.save": "保存",
  "admin.saved": "已保存",
  "admin.forbidden": "只有管理员可以访问此页面。",
  "error.required": "请填写“{field}”。",
  "error.invalidEmail": "邮箱格式不正确。",
  "error.tooLong": "“{field}”最多 {max} 个字符。",
  "error.tooShort": "“{field}”至少 {min} 个字符。",
  "error.invalidValue": "“{field}”的值无效。",
  "error.invalidJson": "请求体不是有效的 JSON。",
  "error.invalidRequest": "请求内容有误,请检查后重试。",
  "error.emailTaken": "该邮箱已被注册,请直接登录或换一个邮箱。",
  "error.unauthenticated": "请先登录。",
  "error.forbidden": "你没有权限执行此操作。",
  "error.notFound": "找不到该资源。",
  "error.userNotFound": "找不到该用户。",
  "error.internal": "服务器出错了,我们会尽快修复。请稍后再试。",
  "field.email": "邮箱",
  "field.password": "密码",
  "field.name": "昵称",
  "field.role": "角色",
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  "app.name": "Awaitable",
  "app.tagline": "Practise Python asyncio in the browser: write code, submit it, and see how your coroutines ran on a timeline.",
  "nav.catalogue": "Courses",
  "nav.signIn": "Sign in",
  "nav.signUp": "Sign up",
  "nav.signOut": "Sign out",
  "nav.admin": "Users",
  "nav.language": "Language",
  "nav.signedInAs": "Signed in as {email}",
  "role.STUDENT": "Student",
  "role.TEACHER": "Teacher",
  "role.ADMIN": "Admin",
  "home.title": "Catalogue",
  "home.empty": "No course content yet. Content lives in exercises/ and is synced when `npm start` starts.",
  "home.guestNote": "Guests can browse the courses; submitting code needs an account.",
  "home.items": "{count} items",
  "item.LESSON": "Lesson",
  "item.EXERCISE": "Exercise",
  "item.QUIZ": "Quiz",
  "auth.email": "Email",
  "auth.password": "Password",
  "auth.name": "Display name (optional)",
  "auth.signInTitle": "Sign in",
  "auth.signUpTitle": "Create an account",
  "auth.signInButton": "Sign in",
  "auth.signUpButton": "Sign up",
  "auth.noAccount": "No account yet?",
  "auth.haveAccount": "Already have an account?",
  "auth.wrongCredentials": "Wrong email or password.",
  "auth.signedUp": "Account created. Please sign in.",
  "auth.passwordHint": "At least 8 characters.",
  "auth.working": "Please wait…",
  "auth.networkError": "Cannot reach the server. Please try again later.",
  "admin.usersTitle": "Users and roles",
  "admin.email": "Email",
  "admin.name": "Name",
  "admin.role": "Role",
  "admin.createdAt": "Joined",
  "admin.save": "Save",
  "admin.saved": "Saved",
  "admin.forbidden": "Only admins can open this page.",
  "error.required": "Please fill in “{field}”.",
  "error.invalidEmail": "That is not a valid email address.",
  "error.tooLong": "“{field}” can be at most {max} characters.",
  "error.tooShort": "“{field}” must be at least {min} characters.",
  "error.invalidValue": "“{field}” has an invalid value.",
  "error.invalidJson": "The request body is not valid JSON.",
  "error.invalidRequest": "The request is not valid; please check it and try again.",
  "error.emailTaken": "This email is already registered: sign in, or use another email.",
  "error.unauthenticated": "Please sign in first.",
  "error.forbidden": "You are not allowed to do this.",
  "error.notFound": "Not found.",
  "error.userNotFound": "No such user.",
  "error.internal": "Something went wrong on our side. Please try again later.",
  "field.email": "Email",
  "field.password": "Password",
  "field.name": "Name",
  "field.role": "Role",
};

const tables: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export function isMessageKey(value: string): value is MessageKey {
  return value in zhCN;
}

export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}

/** Both languages at once, for API error bodies. */
export function bilingual(key: MessageKey, values: (locale: Locale) => Record<string, string | number> = () => ({})) {
  return { "zh-CN": translate("zh-CN", key, values("zh-CN")), en: translate("en", key, values("en")) };
}

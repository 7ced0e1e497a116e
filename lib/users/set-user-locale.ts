import { prisma } from "../db/client";

export async function setUserLocale(userId: string, locale: "zh_CN" | "en"): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}

"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { localeCookie, locales, toDbLocale } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/users/set-user-locale";

const ZSetLocaleSchema = z.enum(locales);

/** Switches the UI language; kept in a year-long cookie and, when signed in, on the account. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = ZSetLocaleSchema.safeParse(formData.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) await setUserLocale(user.id, toDbLocale(parsed.data));
  revalidatePath("/", "layout");
}

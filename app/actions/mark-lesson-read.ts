"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { authHref } from "@/lib/auth/form-text";
import { markLessonRead } from "@/lib/progress/mark-lesson-read";

const ZMarkLessonReadSchema = z.object({ lessonId: z.uuid(), slug: z.string().regex(/^[a-z0-9-]+$/) });

/** The lesson page's "Mark as read" button (a form, so it works without JavaScript). */
export async function markLessonReadAction(formData: FormData): Promise<void> {
  const parsed = ZMarkLessonReadSchema.safeParse({ lessonId: formData.get("lessonId"), slug: formData.get("slug") });
  if (!parsed.success) return;
  const user = await getCurrentUser();
  if (!user) redirect(authHref("/signin", `/lessons/${parsed.data.slug}`));
  await markLessonRead(user.id, parsed.data.lessonId);
  revalidatePath(`/lessons/${parsed.data.slug}`);
}

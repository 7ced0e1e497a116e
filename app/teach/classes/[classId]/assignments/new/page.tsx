import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslator } from "@/lib/i18n/server";
import { pickMessages } from "@/lib/i18n/messages";
import { findTaughtClass, TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { listClassItems } from "@/lib/classes/class-course-items";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { AssignmentForm } from "@/components/assignments/assignment-form";
import { formChapters, FORM_MESSAGE_PREFIXES } from "@/components/assignments/form-chapters";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("assignments.new.heading") };
}

export default async function NewAssignmentPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/assignments/new`, TEACHING_ROLES);
  const taught = await orNotFound(findTaughtClass(user, classId));
  const items = await listClassItems(taught.courseId);
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return (
    <section className="assignments-page" aria-labelledby="assignment-heading">
      <h1 id="assignment-heading">{t("assignments.new.heading")}</h1>
      <AssignmentForm classId={taught.id} locale={locale} timeZone={timeZone} messages={pickMessages(locale, FORM_MESSAGE_PREFIXES)} chapters={formChapters(items, locale, t)} />
    </section>
  );
}

import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { findTaughtClass, TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { ClassTabs } from "@/components/teach/class-tabs";

export const dynamic = "force-dynamic";

/** Every page of one class: only its teachers (and admins) get past this; anyone else sees "not found". */
export default async function ClassLayout({ children, params }: { children: ReactNode; params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}`, TEACHING_ROLES);
  const taught = await orNotFound(findTaughtClass(user, classId));
  const base = `/teach/classes/${taught.id}`;
  return (
    <div className="class-pages">
      <p className="breadcrumbs">
        <Link href="/teach">{t("classes.teachHome")}</Link> / <span>{taught.name}</span>
      </p>
      <ClassTabs
        label={t("classes.tabsLabel")}
        tabs={[
          { href: base, label: t("classes.tab.matrix"), exact: true },
          { href: `${base}/insights`, label: t("classes.tab.insights") },
          { href: `${base}/assignments`, label: t("classes.tab.assignments") },
          { href: `${base}/regrade`, label: t("classes.tab.regrade") },
          { href: `${base}/settings`, label: t("classes.tab.settings") },
        ]}
      />
      {children}
    </div>
  );
}

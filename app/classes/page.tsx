import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/access/page";
import { listMyClasses } from "@/lib/classes/list-my-classes";
import { ActionButton } from "@/components/classes/action-button";
import { JoinCodeForm } from "@/components/classes/join-code-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("classes.mine.title") };
}

/** The classes a student is in, with who teaches them, and joining another by code. */
export default async function MyClassesPage() {
  const { locale, t } = await getTranslator();
  const user = await requirePageUser("/classes");
  const classes = await listMyClasses(user.id);
  const common = { locale, text: { working: t("classes.working"), networkError: t("classes.networkError") } };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });

  return (
    <>
      <h1>{t("classes.mine.title")}</h1>
      {classes.length === 0 ? (
        <p className="card" data-testid="classes-empty">
          {t("classes.mine.empty")}
        </p>
      ) : (
        <ul className="class-cards">
          {classes.map((row) => (
            <li key={row.id} className={`card class-card${row.archived ? " archived" : ""}`} data-testid="my-class">
              <h2>{row.name}</h2>
              <p className="muted">{t("classes.teach.course", { course: row.course[locale] })}</p>
              <p className="muted">{t("classes.mine.teachers", { names: row.teacherNames.join(locale === "zh-CN" ? "、" : ", ") })}</p>
              <p className="class-card-facts">
                <span>{t("classes.mine.joinedAt", { date: dateFormat.format(row.joinedAt) })}</span>
                {row.archived ? <span className="badge badge-archived">{t("classes.mine.archived")}</span> : null}
              </p>
              <ActionButton
                method="DELETE"
                url={`/api/classes/${row.id}/enrolment`}
                label={t("classes.mine.leave")}
                ariaLabel={`${t("classes.mine.leave")}: ${row.name}`}
                confirm={t("classes.mine.leaveConfirm", { name: row.name })}
                danger
                {...common}
              />
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="join-by-code">
        <h2 id="join-by-code">{t("classes.mine.joinTitle")}</h2>
        <JoinCodeForm {...common} label={t("classes.join.codeLabel")} placeholder={t("classes.join.codePlaceholder")} submit={t("classes.join.submit")} />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { TEACHING_ROLES } from "@/lib/access/access";
import { requirePageUser } from "@/lib/access/page";
import { listTaughtClasses } from "@/lib/classes/list-taught-classes";
import { listOpenCourses } from "@/lib/classes/list-open-courses";
import { formatJoinCode } from "@/lib/classes/join-code";
import { CLASS_NAME_MAX } from "@/lib/classes/schemas";
import { TextForm } from "@/components/classes/text-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("classes.teach.title") };
}

/** The teacher's home: their classes, and a form to open another. An admin may list every class. */
export default async function TeachPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const { locale, t } = await getTranslator();
  const user = await requirePageUser("/teach", TEACHING_ROLES);
  const all = user.role === "ADMIN" && (await searchParams).all === "1";
  const [classes, courses] = await Promise.all([listTaughtClasses(user, { all }), listOpenCourses()]);
  const formText = { working: t("classes.working"), networkError: t("classes.networkError") };

  return (
    <>
      <h1>{t("classes.teach.title")}</h1>
      {user.role === "ADMIN" ? (
        <p>
          <Link href={all ? "/teach" : "/teach?all=1"}>{all ? t("classes.teach.showMine") : t("classes.teach.showAll")}</Link>
        </p>
      ) : null}
      {classes.length === 0 ? (
        <p className="card" data-testid="teach-empty">
          {t("classes.teach.empty")}
        </p>
      ) : (
        <ul className="class-cards">
          {classes.map((row) => (
            <li key={row.id} className={`card class-card${row.archived ? " archived" : ""}`} data-testid="class-card">
              <h2>
                <Link href={`/teach/classes/${row.id}`}>{row.name}</Link>
              </h2>
              <p className="muted">{t("classes.teach.course", { course: row.course[locale] })}</p>
              <p className="class-card-facts">
                <span>{t("classes.teach.students", { count: row.studentCount })}</span>
                <span className="badge">{row.role === "OWNER" ? t("classes.teach.owner") : row.role === "CO_TEACHER" ? t("classes.teach.coTeacher") : t("classes.teach.adminView")}</span>
                {row.archived ? <span className="badge badge-archived">{t("classes.teach.archived")}</span> : null}
                <code className="class-card-code">{row.joinCode ? formatJoinCode(row.joinCode) : t("classes.teach.noCode")}</code>
              </p>
              <p className="class-card-links">
                <Link href={`/teach/classes/${row.id}`}>{t("classes.teach.open")}</Link>
                <Link href={`/teach/classes/${row.id}/settings`}>{t("classes.teach.settings")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="create-class-title">
        <h2 id="create-class-title">{t("classes.create.title")}</h2>
        {courses.length === 0 ? (
          <p className="muted">{t("classes.create.noCourses")}</p>
        ) : (
          <TextForm
            method="POST"
            url="/api/classes"
            fields={[{ name: "name", label: t("classes.create.name"), maxLength: CLASS_NAME_MAX }]}
            submit={t("classes.create.submit")}
            locale={locale}
            text={formText}
            goTo="classSettings"
            testId="create-class"
          >
            <label>
              <span>{t("classes.create.course")}</span>
              <select name="courseId" required defaultValue={courses[0]?.id}>
                {courses.map((course) => (
                  <option key={course.id} value={course.id}>
                    {course.title[locale]}
                  </option>
                ))}
              </select>
            </label>
          </TextForm>
        )}
      </section>
    </>
  );
}

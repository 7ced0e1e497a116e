import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/server";
import { getEnv } from "@/lib/env";
import { TEACHING_ROLES } from "@/lib/access/access";
import { orNotFound, requirePageUser } from "@/lib/access/page";
import { getClassSettings } from "@/lib/classes/get-class-settings";
import { formatJoinCode } from "@/lib/classes/join-code";
import { CLASS_NAME_MAX } from "@/lib/classes/schemas";
import { JoinCodePanel } from "@/components/classes/join-code-panel";
import { ActionButton } from "@/components/classes/action-button";
import { TextForm } from "@/components/classes/text-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("classes.settings.title") };
}

/** A class's join code, roster and teachers, its name and whether it is archived. */
export default async function ClassSettingsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { locale, t } = await getTranslator();
  const user = await requirePageUser(`/teach/classes/${classId}/settings`, TEACHING_ROLES);
  const settings = await orNotFound(getClassSettings(user, classId));
  const taught = settings.class;
  const owns = taught.access !== "CO_TEACHER";
  const base = `/api/classes/${taught.id}`;
  const common = { locale, text: { working: t("classes.working"), networkError: t("classes.networkError") } };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const origin = (getEnv().NEXTAUTH_URL ?? "").replace(/\/$/, "");

  return (
    <div className="class-settings">
      <h1>
        {taught.name} <span className="muted class-course">· {taught.course[locale]}</span>
      </h1>
      {taught.archived ? (
        <p className="card notice" role="status">
          {t("classes.settings.isArchived")}
        </p>
      ) : null}

      <section className="card" aria-labelledby="join-title">
        <h2 id="join-title">{t("classes.settings.joinTitle")}</h2>
        <p className="muted">{t("classes.settings.joinHelp")}</p>
        <JoinCodePanel
          classId={taught.id}
          joinCode={taught.joinCode}
          shownCode={taught.joinCode ? formatJoinCode(taught.joinCode) : null}
          origin={origin}
          locale={locale}
          text={{
            code: t("classes.settings.code"),
            link: t("classes.settings.link"),
            copyCode: t("classes.settings.copyCode"),
            copyLink: t("classes.settings.copyLink"),
            copied: t("classes.settings.copied"),
            copyFailed: t("classes.settings.copyFailed"),
            regenerate: t("classes.settings.regenerate"),
            regenerateConfirm: t("classes.settings.regenerateConfirm"),
            revoke: t("classes.settings.revoke"),
            revokeConfirm: t("classes.settings.revokeConfirm"),
            revoked: t("classes.settings.revoked"),
            ...common.text,
          }}
        />
      </section>

      <section className="card" aria-labelledby="roster-title">
        <h2 id="roster-title">{t("classes.settings.rosterTitle", { count: settings.students.length })}</h2>
        {settings.students.length === 0 ? (
          <p className="muted">{t("classes.settings.rosterEmpty")}</p>
        ) : (
          <table className="table roster" data-testid="roster">
            <thead>
              <tr>
                <th scope="col">{t("classes.settings.student")}</th>
                <th scope="col">{t("classes.settings.email")}</th>
                <th scope="col">{t("classes.settings.joinedAt")}</th>
                <th scope="col">{t("classes.settings.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {settings.students.map((student) => {
                const name = student.name ?? student.email;
                return (
                  <tr key={student.id}>
                    <th scope="row">{student.name ?? "—"}</th>
                    <td>{student.email}</td>
                    <td>
                      <time dateTime={student.joinedAt.toISOString()}>{dateFormat.format(student.joinedAt)}</time>
                    </td>
                    <td>
                      <ActionButton
                        method="DELETE"
                        url={`${base}/students/${student.id}`}
                        label={t("classes.settings.remove")}
                        ariaLabel={`${t("classes.settings.remove")}: ${name}`}
                        confirm={t("classes.settings.removeConfirm", { name })}
                        danger
                        {...common}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="teachers-title">
        <h2 id="teachers-title">{t("classes.settings.teachersTitle")}</h2>
        <ul className="teacher-list">
          {settings.teachers.map((teacher) => {
            const name = teacher.name ?? teacher.email;
            return (
              <li key={teacher.id}>
                <span>
                  {name} <span className="muted">{teacher.name ? `<${teacher.email}>` : ""}</span>{" "}
                  <span className="badge">{teacher.role === "OWNER" ? t("classes.teach.owner") : t("classes.teach.coTeacher")}</span>
                </span>
                {owns && teacher.role === "CO_TEACHER" ? (
                  <ActionButton
                    method="DELETE"
                    url={`${base}/teachers/${teacher.id}`}
                    label={t("classes.settings.removeTeacher")}
                    ariaLabel={`${t("classes.settings.removeTeacher")}: ${name}`}
                    confirm={t("classes.settings.removeTeacherConfirm", { name })}
                    danger
                    {...common}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
        {owns ? (
          <TextForm
            method="POST"
            url={`${base}/teachers`}
            fields={[{ name: "email", type: "email", label: t("classes.settings.teacherEmail"), autoComplete: "email" }]}
            submit={t("classes.settings.addTeacher")}
            {...common}
            className="inline"
            testId="add-teacher"
          />
        ) : (
          <p className="muted">{t("classes.settings.ownerOnlyNote")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="rename-title">
        <h2 id="rename-title">{t("classes.settings.renameTitle")}</h2>
        <TextForm
          method="PATCH"
          url={base}
          fields={[{ name: "name", label: t("classes.settings.renameTitle"), defaultValue: taught.name, maxLength: CLASS_NAME_MAX }]}
          submit={t("classes.settings.rename")}
          locale={locale}
          text={{ ...common.text, saved: t("classes.saved") }}
          className="inline"
          testId="rename-class"
        />
      </section>

      {owns ? (
        <section className="card" aria-labelledby="archive-title">
          <h2 id="archive-title">{t("classes.settings.archiveTitle")}</h2>
          <p className="muted">{t("classes.settings.archiveHelp")}</p>
          {taught.archived ? (
            <ActionButton method="PATCH" url={base} body={{ archived: false }} label={t("classes.settings.unarchive")} {...common} />
          ) : (
            <ActionButton
              method="PATCH"
              url={base}
              body={{ archived: true }}
              label={t("classes.settings.archive")}
              confirm={t("classes.settings.archiveConfirm")}
              danger
              {...common}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/list-users";
import { RoleSelect } from "@/components/role-select";
import { EndSessionsButton } from "@/components/end-sessions-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.usersTitle") };
}
export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/users");
  if (user.role !== "ADMIN") {
    return (
      <p role="alert" className="card error">
        {t("admin.forbidden")}
      </p>
    );
  }
  const users = await listUsers();
  const roleLabels = { STUDENT: t("role.STUDENT"), TEACHER: t("role.TEACHER"), ADMIN: t("role.ADMIN") };
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      <table className="table">
        <thead>
          <tr>
            <th>{t("admin.email")}</th>
            <th>{t("admin.name")}</th>
            <th>{t("admin.createdAt")}</th>
            <th>{t("admin.role")}</th>
            <th>{t("admin.sessions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((row) => (
            <tr key={row.id}>
              <td>{row.email}</td>
              <td>{row.name ?? "—"}</td>
              <td>{row.createdAt.toLocaleDateString(locale)}</td>
              <td>
                <RoleSelect
                  userId={row.id}
                  email={row.email}
                  role={row.role}
                  locale={locale}
                  labels={roleLabels}
                  saveLabel={t("admin.save")}
                  savedLabel={t("admin.saved")}
                />
              </td>
              <td>
                <EndSessionsButton userId={row.id} email={row.email} locale={locale} label={t("admin.endSessions")} doneLabel={t("admin.sessionsEnded")} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

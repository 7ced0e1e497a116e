import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { authHref } from "@/lib/auth/form-text";
import { AppError } from "@/lib/errors";
import { findClassByJoinCode } from "@/lib/classes/find-class-by-join-code";
import { ActionButton } from "@/components/classes/action-button";
import { JoinCodeForm } from "@/components/classes/join-code-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("classes.join.title") };
}

async function invitation(code: string, viewer: { id: string }) {
  try {
    return await findClassByJoinCode(code, viewer);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/**
 * The join link. Signed out: what it is and how to sign in and come back.
 * Signed in: the class it opens and a Join button; a code that opens
 * nothing: why, and a form to type another.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  const here = `/join/${encodeURIComponent(code)}`;
  const common = { locale, text: { working: t("classes.working"), networkError: t("classes.networkError") } };

  if (!user) {
    return (
      <section className="card join-card">
        <h1>{t("classes.join.title")}</h1>
        <p>{t("classes.join.signedOut")}</p>
        <p className="class-buttons">
          <Link className="button" href={authHref("/signin", here)}>
            {t("classes.join.signIn")}
          </Link>
          <Link className="button button-secondary" href={authHref("/signup", here)}>
            {t("classes.join.signUp")}
          </Link>
        </p>
      </section>
    );
  }

  const found = await invitation(code, user);

  if (!found) {
    return (
      <section className="card join-card">
        <h1>{t("classes.join.title")}</h1>
        <p role="alert" className="error" data-testid="join-invalid">
          {t("classes.join.invalid")}
        </p>
        <JoinCodeForm {...common} label={t("classes.join.codeLabel")} placeholder={t("classes.join.codePlaceholder")} submit={t("classes.join.submit")} />
      </section>
    );
  }

  return (
    <section className="card join-card">
      <h1>{t("classes.join.title")}</h1>
      <p>{t("classes.join.invite")}</p>
      <p className="join-class-name" data-testid="join-class-name">
        {found.name}
      </p>
      <p className="muted">{t("classes.join.course", { course: found.course[locale] })}</p>
      <p className="muted">{t("classes.join.teachers", { names: found.teacherNames.join(locale === "zh-CN" ? "、" : ", ") })}</p>
      {found.member ? (
        <p role="status">
          {t("classes.join.already")} <Link href="/classes">{t("classes.join.goToClasses")}</Link>
        </p>
      ) : found.archived ? (
        <p role="alert" className="error">
          {t("classes.join.archived")}
        </p>
      ) : (
        <ActionButton method="POST" url="/api/classes/join" body={{ code }} label={t("classes.join.button")} then="/classes" {...common} />
      )}
    </section>
  );
}

import Link from "next/link";
import { headers } from "next/headers";
import { authHref } from "@/lib/auth/form-text";
import { PATH_HEADER } from "@/lib/http/security-headers";
import { getTranslator } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { hasRole, TEACHING_ROLES } from "@/lib/access/access";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  // The page being shown (proxy.ts passes it on): signing in or up comes back to it.
  const here = (await headers()).get(PATH_HEADER);
  const path = here?.split("?")[0];
  return (
    <header className="site-header">
      <nav aria-label={t("progress.mainNav")}>
        <Link href="/" className="brand">
          Awaitable
        </Link>
        <Link href="/" aria-current={path === "/" ? "page" : undefined}>
          {t("nav.catalogue")}
        </Link>
        <Link href="/quizzes" aria-current={path?.startsWith("/quizzes") ? "page" : undefined}>
          {t("quiz.nav")}
        </Link>
        <Link href="/interview" aria-current={path?.startsWith("/interview") ? "page" : undefined}>
          {t("nav.interview")}
        </Link>
        {user && (
          <Link href="/progress" aria-current={path === "/progress" ? "page" : undefined}>
            {t("progress.nav")}
          </Link>
        )}
        {user && (
          <Link href="/classes" aria-current={path?.startsWith("/classes") ? "page" : undefined}>
            {t("classes.navMine")}
          </Link>
        )}
        {hasRole(user, TEACHING_ROLES) && (
          <Link href="/teach" aria-current={path?.startsWith("/teach") ? "page" : undefined}>
            {t("classes.navTeach")}
          </Link>
        )}
        {user?.role === "ADMIN" && <Link href="/admin/users">{t("nav.admin")}</Link>}
      </nav>
      <div className="header-tools">
        <LanguageSwitch locale={locale} label={t("nav.language")} />
        {user ? (
          <>
            <span className="who" data-testid="signed-in-as">
              {t("nav.signedInAs", { email: user.email })} · {t(`role.${user.role}`)}
            </span>
            <SignOutButton label={t("nav.signOut")} />
          </>
        ) : (
          <>
            <Link href={authHref("/signin", here)}>{t("nav.signIn")}</Link>
            <Link href={authHref("/signup", here)} className="button">
              {t("nav.signUp")}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

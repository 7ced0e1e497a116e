import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <nav aria-label="main">
        <Link href="/" className="brand">
          Awaitable
        </Link>
        <Link href="/">{t("nav.catalogue")}</Link>
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
            <Link href="/signin">{t("nav.signIn")}</Link>
            <Link href="/signup" className="button">
              {t("nav.signUp")}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}

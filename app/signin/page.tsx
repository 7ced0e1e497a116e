import Link from "next/link";
import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/server";
import { AuthForm } from "@/components/auth-form";
import { authFormText, authHref, safeCallbackUrl } from "@/lib/auth/form-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await getTranslator();
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <div className="narrow">
      <AuthForm mode="signin" locale={locale} text={authFormText(t, "signin")} callbackUrl={callbackUrl} />
      <p>
        {t("auth.noAccount")} <Link href={authHref("/signup", callbackUrl)}>{t("nav.signUp")}</Link>
      </p>
    </div>
  );
}

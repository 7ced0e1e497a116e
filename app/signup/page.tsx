import Link from "next/link";
import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/server";
import { AuthForm } from "@/components/auth-form";
import { authFormText, authHref, safeCallbackUrl } from "@/lib/auth/form-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signUpTitle") };
}

/** Sign up, then back to the page the visitor came from (`callbackUrl`). */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await getTranslator();
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <div className="narrow">
      <AuthForm mode="signup" locale={locale} text={authFormText(t, "signup")} callbackUrl={callbackUrl} />
      <p>
        {t("auth.haveAccount")} <Link href={authHref("/signin", callbackUrl)}>{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}

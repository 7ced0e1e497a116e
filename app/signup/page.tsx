import Link from "next/link";
import type { Metadata } from "next";
import { getTranslator } from "@/lib/i18n/server";
import { AuthForm } from "@/components/auth-form";
import { authFormText } from "@/lib/auth/form-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signUpTitle") };
}

export default async function SignUpPage() {
  const { locale, t } = await getTranslator();
  return (
    <div className="narrow">
      <AuthForm mode="signup" locale={locale} text={authFormText(t, "signup")} callbackUrl="/" />
      <p>
        {t("auth.haveAccount")} <Link href="/signin">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}

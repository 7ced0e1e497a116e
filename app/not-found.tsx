import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("notFound.title") };
}

/** Every unknown address and every notFound() of a page: in the visitor's language. */
export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <section className="card">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </section>
  );
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getTranslator } from "@/lib/i18n/server";
import { SiteHeader } from "@/components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: { default: "Awaitable", template: "%s · Awaitable" }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getTranslator();
  return (
    <html lang={locale}>
      <body>
        <SiteHeader />
        <main className="page">{children}</main>
      </body>
    </html>
  );
}

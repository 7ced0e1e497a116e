import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import "./globals.css";
import "./styles/classes.css";
import "./styles/matrix.css";
import "./styles/insights.css";
import "./styles/assignments.css";
import "./styles/regrade.css";
import "./styles/interview.css";
import "./styles/interview-report.css";
import { getTranslator } from "@/lib/i18n/server";
import { TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { SiteHeader } from "@/components/site-header";
import { TimeZoneCookie } from "@/components/time-zone-cookie";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: { default: "Awaitable", template: "%s — Awaitable" }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getTranslator();
  const timeZone = (await cookies()).get(TIME_ZONE_COOKIE)?.value ?? null;
  return (
    <html lang={locale}>
      <body>
        {/* The first thing a keyboard reaches: past the header, straight to the page's own content. */}
        <a className="skip-link" href="#main">
          {t("progress.skipLink")}
        </a>
        <SiteHeader />
        {/* Focusable from script and the skip link (tabIndex -1), never a Tab stop of its own. */}
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <TimeZoneCookie current={timeZone} />
      </body>
    </html>
  );
}

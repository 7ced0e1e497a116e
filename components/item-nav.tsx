import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import type { Neighbours } from "@/lib/catalogue/get-neighbours";

/** Previous and next item in course order, at the foot of a lesson or an exercise. */
export function ItemNav({ neighbours, locale, t }: { neighbours: Neighbours; locale: Locale; t: Translate }) {
  const { previous, next } = neighbours;
  if (!previous && !next) return null;
  return (
    <nav className="item-nav" aria-label={t("progress.itemNav")}>
      {previous ? (
        <Link href={previous.href} rel="prev" className="item-nav-previous">
          <span aria-hidden="true">← </span>
          {t("progress.previous")}: {previous[locale === "en" ? "titleEn" : "titleZh"]}
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={next.href} rel="next" className="item-nav-next">
          {t("progress.next")}: {next[locale === "en" ? "titleEn" : "titleZh"]}
          <span aria-hidden="true"> →</span>
        </Link>
      )}
    </nav>
  );
}

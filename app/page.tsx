import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { getCatalogue } from "@/lib/catalogue/get-catalogue";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { locale, t } = await getTranslator();
  const [catalogue, user] = await Promise.all([getCatalogue(), getCurrentUser()]);
  const title = (entity: { titleZh: string; titleEn: string }) => (locale === "en" ? entity.titleEn : entity.titleZh);
  return (
    <>
      <section className="hero">
        <h1>Awaitable</h1>
        <p>{t("app.tagline")}</p>
        {!user && <p className="muted">{t("home.guestNote")}</p>}
      </section>
      <h2>{t("home.title")}</h2>
      {catalogue.length === 0 && <p className="card muted">{t("home.empty")}</p>}
      {catalogue.map((course) => (
        <section key={course.id} className="course">
          <h3>{title(course)}</h3>
          {course.chapters.map((chapter) => (
            <div key={chapter.id} className="card chapter">
              <h4>
                {title(chapter)} <span className="muted">· {t("home.items", { count: chapter.items.length })}</span>
              </h4>
              <ul>
                {chapter.items.map((item) => (
                  <li key={item.id}>
                    <span className={`badge badge-${item.kind.toLowerCase()}`}>{t(`item.${item.kind}`)}</span>{" "}
                    {item.kind === "QUIZ" ? title(item) : <Link href={`/${item.kind === "EXERCISE" ? "exercises" : "lessons"}/${item.slug}`}>{title(item)}</Link>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator, type Translate } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { getCurrentUser } from "@/lib/auth/session";
import { authHref } from "@/lib/auth/form-text";
import { getCourseMap, type CourseMapCourse } from "@/lib/progress/get-course-map";
import { CourseMap } from "@/components/course-map";
import { ItemStatusMark } from "@/components/item-status-mark";
import { cookies } from "next/headers";
import { listMyAssignments } from "@/lib/assignments/list-my-assignments";
import { itemDueBadges } from "@/lib/assignments/item-due-badges";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";
import { ItemDueMark, MyAssignmentsSection } from "@/components/assignments/my-assignments";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  const user = await getCurrentUser();
  // The layout's title template does not reach its own segment's page.
  return { title: { absolute: `${t(user ? "progress.mapTitle" : "home.title")} — Awaitable` } };
}

/** Home: a signed-in student's course map, or the catalogue for a guest (the same map, without statuses). */
export default async function HomePage() {
  const { locale, t } = await getTranslator();
  const user = await getCurrentUser();
  const map = await getCourseMap(user?.id ?? null);
  const mine = user ? await listMyAssignments(user.id) : null;
  const timeZone = resolveTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const itemMarks = new Map([...(mine ? itemDueBadges(mine) : [])].map(([itemId, badge]) => [itemId, <ItemDueMark key={itemId} badge={badge} locale={locale} t={t} timeZone={timeZone} />]));
  return (
    <>
      <section className="hero">
        <h1>{t(user ? "progress.mapTitle" : "home.title")}</h1>
        <p>{t("app.tagline")}</p>
        {!user && (
          <div className="card guest-call">
            <p>{t("progress.guestCall")}</p>
            <p>
              {/* Worded apart from the header's sign-up and sign-in links, so each name leads to one place. */}
              <Link href={authHref("/signup", "/")} className="button">
                {t("progress.createAccount")}
              </Link>
            </p>
          </div>
        )}
      </section>
      {user && map.courses.map((course) => <ContinueCard key={course.id} course={course} locale={locale} t={t} />)}
      {mine && <MyAssignmentsSection mine={mine} locale={locale} t={t} timeZone={timeZone} />}
      {map.courses.length === 0 ? <p className="card muted">{t("home.empty")}</p> : <CourseMap courses={map.courses} locale={locale} t={t} showStatus={map.signedIn} itemMarks={itemMarks} />}
    </>
  );
}

function ContinueCard({ course, locale, t }: { course: CourseMapCourse; locale: Locale; t: Translate }) {
  const point = course.continueAt;
  if (!point) {
    return (
      <section className="card continue" aria-label={course.title[locale]}>
        <p>
          <span aria-hidden="true">✓ </span>
          {t("progress.courseComplete")}
        </p>
      </section>
    );
  }
  const lead =
    point.reason === "next" && point.after
      ? t("progress.continue.next", { title: point.after.title[locale] })
      : t(point.reason === "resume" ? "progress.continue.resume" : "progress.continue.start");
  return (
    <section className="card continue" aria-labelledby={`continue-${course.slug}`} data-testid="continue">
      <h2 id={`continue-${course.slug}`}>{t("progress.continueTitle")}</h2>
      <p className="muted">{lead}</p>
      <p className="continue-item">
        <span className={`badge badge-${point.item.kind.toLowerCase()}`}>{t(`item.${point.item.kind}`)}</span>{" "}
        <strong>{point.item.title[locale]}</strong> <span className="muted">· {point.chapter[locale]}</span>{" "}
        <ItemStatusMark t={t} kind={point.item.kind} progress={point.item} />
      </p>
      <p>
        <Link href={point.item.href} className="button" data-testid="continue-link">
          {t("progress.continueLink")}
          <span className="visually-hidden">: {point.item.title[locale]}</span> →
        </Link>
      </p>
    </section>
  );
}

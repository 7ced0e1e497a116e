import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/server";
import type { CourseMapCourse, CourseMapItem } from "@/lib/progress/get-course-map";
import { ItemStatusMark } from "./item-status-mark";

/** itemMarks: a mark beside an item (its assignment's due date), by item id. */
type Props = { courses: CourseMapCourse[]; locale: Locale; t: Translate; showStatus: boolean; itemMarks?: Map<string, ReactNode> };

/**
 * The courses, chapter by chapter, each item with what it is and asks
 * (kind, difficulty, minutes, concepts) and, for a signed-in student, where
 * they stand on it. Guests see the same map without statuses.
 */
export function CourseMap({ courses, locale, t, showStatus, itemMarks }: Props) {
  return (
    <>
      {courses.map((course) => (
        <section key={course.id} className="course" aria-labelledby={`course-${course.slug}`}>
          <h2 id={`course-${course.slug}`}>{course.title[locale]}</h2>
          {course.description && <p className="course-description">{course.description[locale]}</p>}
          {course.chapters.map((chapter, index) => {
            const done = chapter.items.filter((item) => item.status === "solved").length;
            return (
              <section key={chapter.id} className="card chapter" aria-labelledby={`chapter-${course.slug}-${chapter.slug}`}>
                <h3 id={`chapter-${course.slug}-${chapter.slug}`}>
                  <span className="chapter-number">{index + 1}.</span> {chapter.title[locale]}
                  <span className="muted chapter-count">
                    {" · "}
                    {showStatus ? t("progress.chapterDone", { done, total: chapter.items.length }) : t("home.items", { count: chapter.items.length })}
                  </span>
                </h3>
                <ul className="map-items">
                  {chapter.items.map((item) => (
                    <MapItem key={item.id} item={item} locale={locale} t={t} showStatus={showStatus} mark={itemMarks?.get(item.id)} />
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      ))}
    </>
  );
}

function attemptsLabel(t: Translate, item: CourseMapItem): string {
  if (item.kind === "QUIZ") return item.attempts === 1 ? t("progress.quizAttemptsOne") : t("progress.quizAttempts", { count: item.attempts });
  return item.attempts === 1 ? t("progress.attemptsOne") : t("progress.attempts", { count: item.attempts });
}

function MapItem({ item, locale, t, showStatus, mark }: { item: CourseMapItem; locale: Locale; t: Translate; showStatus: boolean; mark?: ReactNode }) {
  return (
    <li className={`map-item map-item-${item.kind.toLowerCase()}`} data-slug={item.slug}>
      <div className="map-item-main">
        <span className={`badge badge-${item.kind.toLowerCase()}`}>{t(`item.${item.kind}`)}</span>{" "}
        <Link href={item.href}>{item.title[locale]}</Link>
        {mark && <> {mark}</>}
      </div>
      <div className="map-item-meta">
        {showStatus && <ItemStatusMark t={t} kind={item.kind} progress={item} />}
        {showStatus && item.attempts > 0 && <span className="muted">{attemptsLabel(t, item)}</span>}
        {item.difficulty && <span className={`difficulty difficulty-${item.difficulty}`}>{t(`progress.difficulty.${item.difficulty}`)}</span>}
        {item.estimatedMinutes !== null && <span className="muted">{t("progress.minutes", { minutes: item.estimatedMinutes })}</span>}
        {item.concepts.length > 0 && (
          <ul className="concepts" aria-label={t("progress.concepts")}>
            {item.concepts.map((concept) => (
              <li key={concept}>{concept}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

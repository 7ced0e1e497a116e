import { groupSources, type TItemSource } from "@/lib/content/describe-sources";
import type { Translate } from "@/lib/i18n/server";

/** Sources a reader can take in at a glance stay open; a lesson's long list folds away. */
const OPEN_UP_TO = 4;

/** Where an item comes from: each tutorial by its title, then the sections it draws on. */
export function SourceList({ sources, t }: { sources: TItemSource[]; t: Translate }) {
  if (sources.length === 0) return null;
  const groups = groupSources(sources);
  const list = (
    <ul className="sources">
      {groups.map((group) => (
        <li key={group.tutorial}>
          《{group.tutorial}》 {group.sections.join("; ")}
        </li>
      ))}
    </ul>
  );
  if (sources.length <= OPEN_UP_TO) {
    return (
      <div className="source-list muted">
        {t("progress.source")}: {list}
      </div>
    );
  }
  return (
    <details className="source-list muted">
      <summary>{t("progress.sourceSummary", { tutorials: groups.length, sections: sources.length })}</summary>
      {list}
    </details>
  );
}

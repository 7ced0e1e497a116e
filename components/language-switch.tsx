import { setLocaleAction } from "@/app/actions/locale";
import type { Locale } from "@/lib/i18n/locales";

const names: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

/** A form per language, so the switch works without JavaScript too. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  return (
    <div className="language-switch" role="group" aria-label={label}>
      {(Object.keys(names) as Locale[]).map((candidate) => (
        <form key={candidate} action={setLocaleAction}>
          <input type="hidden" name="locale" value={candidate} />
          <button type="submit" aria-pressed={candidate === locale} disabled={candidate === locale} lang={candidate}>
            {names[candidate]}
          </button>
        </form>
      ))}
    </div>
  );
}

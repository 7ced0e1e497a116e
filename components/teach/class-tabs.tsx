"use client";
/** The tabs of one class's pages; the current one is marked for screen readers too. */
import Link from "next/link";
import { usePathname } from "next/navigation";

export type ClassTab = { href: string; label: string; exact?: boolean };

export function ClassTabs({ tabs, label }: { tabs: ClassTab[]; label: string }) {
  const path = usePathname();
  return (
    <nav className="class-tabs" aria-label={label}>
      {tabs.map((tab) => {
        const current = tab.exact ? path === tab.href : path === tab.href || path.startsWith(`${tab.href}/`);
        return (
          <Link key={tab.href} href={tab.href} aria-current={current ? "page" : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

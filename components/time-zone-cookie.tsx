"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/progress/time-zone";

/**
 * Tells the server the browser's time zone (a cookie), so streak days and
 * times on the progress page are the student's own. Renders nothing.
 */
export function TimeZoneCookie({ current }: { current: string | null }) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== current) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${365 * 24 * 60 * 60}; samesite=lax`;
    }
  }, [current]);
  return null;
}

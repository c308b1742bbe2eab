"use client";
import { useEffect } from "react";
import { READER_ZONE_COOKIE } from "@/lib/time/reader-zone";

// Tells the server the browser's time zone, so that later pages show moments in the
// reader's own clock. Until then pages name the zone of every time they show.
export function ReaderZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || document.cookie.split("; ").includes(`${READER_ZONE_COOKIE}=${encodeURIComponent(zone)}`)) return;
    document.cookie = `${READER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}

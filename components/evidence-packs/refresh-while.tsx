"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Refreshes the page's server data every few seconds while it is shown: for work done in
// the background (an evidence pack) that the page reports on.
export function RefreshWhile({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

// Listens to the work order's event stream and re-renders the page when it changes, so
// what the contractor does appears without a reload.
export function LiveUpdates({ url }: { url: string }) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("change", () => router.refresh());
    return () => source.close();
  }, [url, router]);
  return (
    <span className={connected ? "live live-on" : "live"} data-testid="live-status" data-connected={connected}>
      {connected ? "Live" : "Connecting…"}
    </span>
  );
}

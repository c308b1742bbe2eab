"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type TState = "connecting" | "live" | "offline";

const LABELS: Record<TState, string> = { connecting: "Connecting…", live: "Live", offline: "Not live: reconnecting…" };

// Listens to the work order's event stream and re-renders the page when it changes, so
// what the contractor does appears without a reload. It says "Live" only while the server
// really hears changes; when it was not live for a while, the page reloads its data once
// it is back, since changes made meanwhile were not announced to it.
export function LiveUpdates({ url }: { url: string }) {
  const router = useRouter();
  const [state, setState] = useState<TState>("connecting");
  useEffect(() => {
    const source = new EventSource(url);
    let wasLive = false;
    let missedSome = false;
    const lost = () => {
      if (!wasLive) return; // still connecting for the first time
      missedSome = true;
      setState("offline");
    };
    source.onerror = lost;
    source.addEventListener("status", (event) => {
      const { live } = JSON.parse((event as MessageEvent<string>).data) as { live: boolean };
      if (!live) return lost();
      wasLive = true;
      setState("live");
      if (missedSome) router.refresh();
      missedSome = false;
    });
    source.addEventListener("change", () => router.refresh());
    return () => source.close();
  }, [url, router]);
  return (
    <span
      className={state === "live" ? "live live-on" : state === "offline" ? "live live-off" : "live"}
      data-testid="live-status"
      data-connected={state === "live"}
      role="status"
    >
      {LABELS[state]}
    </span>
  );
}

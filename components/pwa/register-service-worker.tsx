"use client";

import { useEffect } from "react";

// Puts the technician app's service worker in place so the app opens with no network.
// public/sw.js exists only after `next build --webpack`; development (Turbopack) has none.
// (NODE_ENV here is the constant Next.js writes into client code, not the environment.)
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => {
      console.warn("The app will not open offline: its service worker did not register.", error);
    });
  }, []);
  return null;
}

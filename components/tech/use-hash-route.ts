"use client";

import { useEffect, useState } from "react";

// The technician app is one page (so one cached shell opens it offline); the task being
// viewed lives in the address's hash: /tech#/task/<id>.
export function useHashRoute(): { taskId: string | null } {
  const [hash, setHash] = useState("");
  useEffect(() => {
    const read = () => setHash(window.location.hash);
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  const match = /^#\/task\/([\w-]+)$/.exec(hash);
  return { taskId: match ? match[1] : null };
}

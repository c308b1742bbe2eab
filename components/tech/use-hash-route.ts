import { useEffect, useState } from "react";

// The technician app is one page (so one cached shell opens it offline); the task being
// viewed lives in the address's hash: /tech#/task/<id>; the person's own settings: /tech#/me.
export function useHashRoute(): { taskId: string | null; settings: boolean } {
  const [hash, setHash] = useState("");
  useEffect(() => {
    const read = () => setHash(window.location.hash);
    // Offline, an emailed /tech/tasks/<id> link opens the cached page at that address.
    const linked = /^\/tech\/tasks\/([\w-]+)\/?$/.exec(window.location.pathname);
    if (linked) window.history.replaceState(null, "", `/tech#/task/${linked[1]}`);
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);
  const match = /^#\/task\/([\w-]+)$/.exec(hash);
  return { taskId: match ? match[1] : null, settings: hash === "#/me" };
}

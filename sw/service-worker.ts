/// <reference lib="webworker" />
// The technician app's service worker. `next build --webpack` compiles it with workbox's
// InjectManifest (next.config.ts) into public/sw.js, replacing self.__WB_MANIFEST with the
// build's static assets. The technician app reads its data from IndexedDB, so the /tech
// page itself is a shell that holds no task data and may be served from cache.
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { TECH_SHELL_CACHE as SHELL_CACHE, TECH_SHELL_URL as SHELL_URL } from "../lib/tech-app/shell-cache";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// Shown offline when the phone holds no copy of the app: signed out here, or never opened
// online. Better than the browser's own error page.
const NO_SHELL_PAGE = "/tech-offline.html";
// Past this a slow field connection counts as offline and the cached shell opens instead.
const SHELL_NETWORK_TIMEOUT_SECONDS = 3;

const isTechPage = (url: URL) =>
  url.origin === self.location.origin && (url.pathname === SHELL_URL || url.pathname.startsWith(`${SHELL_URL}/`));

// Only a page rendered for a signed-in technician may become the shell: a redirect to
// sign-in (followed, or opaque for a navigation), an error page or a login form must never
// replace a good one, or the app would open offline on something it cannot use.
function isUsableShell(response: Response): boolean {
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    new URL(response.url || SHELL_URL, self.location.origin).pathname.startsWith(SHELL_URL) &&
    (response.headers.get("content-type") ?? "").includes("text/html")
  );
}

// Fetched at install, so the first visit (before this worker controlled any page) is
// enough to open the app offline afterwards.
async function cacheShell(): Promise<void> {
  try {
    const response = await fetch(SHELL_URL, { credentials: "same-origin", cache: "no-store" });
    if (!isUsableShell(response)) return;
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(SHELL_URL, response);
  } catch {
    // Offline while installing: the next /tech navigation online stores the shell.
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell());
  void self.skipWaiting();
});
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every /tech navigation (any path below it, any query; the hash never reaches the
// network) shares one cached copy: the client app routes itself from the URL.
registerRoute(
  ({ request, url }) => request.mode === "navigate" && isTechPage(url),
  new NetworkFirst({
    cacheName: SHELL_CACHE,
    networkTimeoutSeconds: SHELL_NETWORK_TIMEOUT_SECONDS,
    // Next varies pages on its router headers; the shell is one document whatever they were.
    matchOptions: { ignoreVary: true, ignoreSearch: true },
    plugins: [
      {
        cacheKeyWillBeUsed: async () => SHELL_URL,
        cacheWillUpdate: async ({ response }) => (isUsableShell(response) ? response : null),
        handlerDidError: async () => (await matchPrecache(NO_SHELL_PAGE)) ?? Response.error(),
      },
    ],
  }),
);

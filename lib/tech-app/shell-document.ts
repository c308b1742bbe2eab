import "server-only";
import { TECH_THEME_COLOR } from "@/components/pwa/app-colors";
import type { TTechBundle } from "./bundle";
import { serializeShellUser, TECH_ROOT_ID, TECH_USER_SCRIPT_ID, type TShellUser } from "./shell-user";

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The technician app's page: no task data (the app reads it from the phone), only who it
// was served to and the bundle to load, so the service worker's cached copy opens offline.
export function techShellDocument(bundle: TTechBundle, user: TShellUser): string {
  const styles = bundle.styles.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`);
  const scripts = bundle.scripts.map((src) => `<script type="module" src="${escapeAttribute(src)}"></script>`);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>My tasks · Fieldgate</title>",
    '<meta name="description" content="Your Fieldgate tasks on this phone: the whole visit works with no signal and syncs when you are back online.">',
    `<meta name="theme-color" content="${TECH_THEME_COLOR}">`,
    '<meta name="mobile-web-app-capable" content="yes">',
    '<meta name="apple-mobile-web-app-capable" content="yes">',
    '<meta name="apple-mobile-web-app-title" content="Fieldgate">',
    '<link rel="manifest" href="/manifest.webmanifest">',
    '<link rel="icon" href="/favicon.svg">',
    '<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">',
    ...styles,
    ...scripts,
    "</head>",
    "<body>",
    `<div id="${TECH_ROOT_ID}"><p class="content muted">Opening your tasks…</p></div>`,
    `<script id="${TECH_USER_SCRIPT_ID}" type="application/json">${serializeShellUser(user)}</script>`,
    "</body>",
    "</html>",
  ].join("\n");
}

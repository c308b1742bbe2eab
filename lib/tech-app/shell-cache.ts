// The service worker keeps the technician app's page (the shell) in this cache; signing
// out deletes it so a shared phone does not open the last person's app offline.
export const TECH_SHELL_CACHE = "fieldgate-tech-shell";
export const TECH_SHELL_URL = "/tech";

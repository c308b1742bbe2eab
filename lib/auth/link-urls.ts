import "server-only";
import { env } from "@/lib/env";

// The addresses of secret links: sign-in links (/link/<secret>) and portal links
// (/l/<secret>). Emails carry them; lib/email keeps their secrets out of the stored bodies
// by finding them with SECRET_LINK_PATTERN.
const base = () => env.APP_URL.replace(/\/$/, "");

export const signInLinkUrl = (secret: string) => `${base()}/link/${secret}`;
export const portalLinkUrl = (secret: string) => `${base()}/l/${secret}`;

// The secret of either kind of link, wherever it appears in a text (in an href, in the
// address printed for pasting): 43 base64url characters after /link/ or /l/.
export const SECRET_LINK_PATTERN = /\/(?:link|l)\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;

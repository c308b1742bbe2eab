import "server-only";
import { env } from "@/lib/env";

// The addresses of secret links: sign-in links (/link/<secret>), portal links
// (/l/<secret>), quote invitations (/q/<secret>) and tenants' request links (/r/<secret>). Emails carry them; lib/email keeps their secrets out of the stored bodies
// by finding them with SECRET_LINK_PATTERN.
const base = () => env.APP_URL.replace(/\/$/, "");

export const signInLinkUrl = (secret: string) => `${base()}/link/${secret}`;
export const portalLinkUrl = (secret: string) => `${base()}/l/${secret}`;
export const quoteLinkUrl = (secret: string) => `${base()}/q/${secret}`;
export const requestLinkUrl = (secret: string) => `${base()}/r/${secret}`;

// The secret of any kind of link, wherever it appears in a text (in an href, in the
// address printed for pasting): 43 base64url characters after /link/, /l/, /q/ or /r/.
export const SECRET_LINK_PATTERN = /\/(?:link|l|q|r)\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;

import "server-only";
import { SECRET_LINK_PATTERN } from "@/lib/auth/link-urls";
import { seal, unseal } from "@/lib/auth/sealed-box";

// An email's link secrets never sit in its stored bodies: each is replaced by a
// placeholder, and the secrets are kept sealed beside them until delivery (then erased,
// so the outbox holds no usable link once the email is sent).
const SEAL_PURPOSE = "email-outbox-links";
const PLACEHOLDER = /\{\{fieldgate-link-(\d+)\}\}/g;
const placeholder = (index: number) => `{{fieldgate-link-${index}}}`;

export type TSecretFreeBodies = { html: string; text: string; secrets: string[] };

export function takeLinkSecrets(bodies: { html: string; text: string }): TSecretFreeBodies {
  const secrets: string[] = [];
  const replace = (body: string) =>
    body.replace(SECRET_LINK_PATTERN, (match, secret: string) => {
      let index = secrets.indexOf(secret);
      if (index === -1) index = secrets.push(secret) - 1;
      return match.replace(secret, placeholder(index));
    });
  return { html: replace(bodies.html), text: replace(bodies.text), secrets };
}

// What each placeholder becomes: the secret itself (for delivery, or a live link in the
// demo mailbox), or a word saying why it is not shown.
export function fillLinkSecrets(body: string, fill: (index: number) => string): string {
  return body.replace(PLACEHOLDER, (_match, index: string) => fill(Number(index)));
}

export function linkPlaceholders(body: string): number[] {
  return [...body.matchAll(PLACEHOLDER)].map((match) => Number(match[1]));
}

export function sealLinkSecrets(secrets: string[]): string | null {
  return secrets.length ? seal(SEAL_PURPOSE, JSON.stringify(secrets)) : null;
}

export function unsealLinkSecrets(sealed: string | null): string[] {
  if (!sealed) return [];
  const value = JSON.parse(unseal(SEAL_PURPOSE, sealed)) as unknown;
  if (!Array.isArray(value) || !value.every((s) => typeof s === "string"))
    throw new Error("Malformed sealed link secrets");
  return value;
}

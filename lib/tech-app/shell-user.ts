// Who the technician app's page was served to. The server writes it into the page as JSON
// (app/(tech)/tech/route.ts); the app reads it back on the phone, offline too, since the
// service worker keeps that page.
export const TECH_ROOT_ID = "tech-root";
export const TECH_USER_SCRIPT_ID = "tech-user";

export type TShellUser = { userId: string; userName: string };

// Safe inside <script type="application/json">: nothing in it can close the script element.
export function serializeShellUser(user: TShellUser): string {
  return JSON.stringify({ userId: user.userId, userName: user.userName })
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function readShellUser(document: Pick<Document, "getElementById">): TShellUser | null {
  const text = document.getElementById(TECH_USER_SCRIPT_ID)?.textContent;
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<TShellUser>;
    return typeof value.userId === "string" && typeof value.userName === "string"
      ? { userId: value.userId, userName: value.userName }
      : null;
  } catch {
    return null;
  }
}

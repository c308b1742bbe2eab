import "server-only";
import { signOut } from "./config";
import { currentSession } from "./session";
import { endUserSession } from "./user-sessions";

// Signing out ends the session on the server (a copy of the cookie stops working at once)
// and clears the cookie.
export async function endCurrentSession(): Promise<void> {
  const session = await currentSession();
  if (session) await endUserSession(session.sessionId, "signed_out");
  await signOut({ redirect: false });
}

import { useState, type FormEvent } from "react";
import type { OfflineDatabase } from "@/lib/offline/database";
import { forgetDevice } from "@/lib/offline/forget-device";
import { countUnsent } from "@/lib/offline/unsent-work";

// Signing out clears this phone of the person's app, except work that has not been sent.
export function SignOutButton({ db }: { db: OfflineDatabase }) {
  const [problem, setProblem] = useState<string | null>(null);

  async function signOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!navigator.onLine) {
      setProblem("Signing out needs a connection. Your work stays safe on this phone.");
      return;
    }
    const unsent = await countUnsent(db);
    const message = `${unsent} ${unsent === 1 ? "change has" : "changes have"} not reached the office yet. They stay on this phone and are sent when you sign in again. Sign out anyway?`;
    if (unsent > 0 && !window.confirm(message)) return;
    await forgetDevice(db, unsent);
    form.submit();
  }

  return (
    <form method="post" action="/signout" onSubmit={signOut}>
      <button type="submit" className="button button-secondary button-small">
        Sign out
      </button>
      {problem ? (
        <span role="alert" className="sign-out-problem">
          {problem}
        </span>
      ) : null}
    </form>
  );
}

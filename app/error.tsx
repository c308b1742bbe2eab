"use client";

import Link from "next/link";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database/unavailable";

// What a page shows when something failed on our side, instead of the browser's bare
// "This page couldn't load": said plainly when it is the database not answering (a
// statement or lock timeout, no connection), which passes.
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const database = error?.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div className="auth-page">
      <section className="card auth-card" role="alert" data-testid="page-error">
        <h1>{database ? "The database is not answering" : "Something went wrong"}</h1>
        <p>
          {database
            ? "Fieldgate cannot reach its database just now, so this page cannot be shown. Nothing was half-saved: try again in a moment."
            : "Fieldgate could not show this page. If you had just sent a form, check whether your change was saved before sending it again."}
        </p>
        <p>
          <button type="button" className="button button-primary" onClick={() => retry()}>
            Try again
          </button>{" "}
          <Link href="/" className="button button-secondary">
            Go to my work
          </Link>
        </p>
      </section>
    </div>
  );
}

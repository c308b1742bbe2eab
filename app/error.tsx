"use client";

import Link from "next/link";

// What a page shows when something failed unexpectedly on our side, instead of the
// browser's bare "This page couldn't load".
export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="auth-page">
      <section className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>
          Fieldgate could not show this page. If you had just sent a form, check whether your change was saved before
          sending it again.
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

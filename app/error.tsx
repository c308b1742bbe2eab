"use client";

import Link from "next/link";
import { PlainShell } from "@/components/app-shell";
import { ProblemPage } from "@/components/ui/problem-page";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database/unavailable";

// What a page shows when something failed on our side, instead of the browser's bare
// "This page couldn't load": said plainly when it is the database not answering (a
// statement or lock timeout, no connection), which passes.
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const database = error?.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <PlainShell>
      <ProblemPage
        alert
        testId="page-error"
        title={database ? "The database is not answering" : "Something went wrong"}
        actions={
          <>
            <button type="button" className="button button-primary" onClick={() => retry()}>
              Try again
            </button>
            <Link href="/" className="button button-secondary">
              Go to my work
            </Link>
          </>
        }
      >
        <p>
          {database
            ? "Fieldgate cannot reach its database just now, so this page cannot be shown. Nothing was half-saved: try again in a moment."
            : "Fieldgate could not show this page. If you had just sent a form, check whether your change was saved before sending it again."}
        </p>
      </ProblemPage>
    </PlainShell>
  );
}

import Link from "next/link";
import { ProblemPage } from "./problem-page";

// Inside the app's own frame: a page that does not exist, or that this person's role does
// not open (out of scope reads as not found), keeps the navigation.
export function NotAvailable({ home, homeLabel }: { home: string; homeLabel: string }) {
  return (
    <ProblemPage
      title="This page is not available"
      actions={
        <Link className="button button-secondary" href={home}>
          Back to {homeLabel}
        </Link>
      }
    >
      <p>It does not exist, or your role does not open it. An admin of your organisation can change your role.</p>
    </ProblemPage>
  );
}

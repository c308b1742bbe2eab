import Link from "next/link";
import { PlainShell } from "@/components/app-shell";
import { ProblemPage } from "@/components/ui/problem-page";

export default function NotFound() {
  return (
    <PlainShell>
      <ProblemPage
        title="This page is not available"
        actions={
          <Link href="/" className="button button-primary">
            Go to my work
          </Link>
        }
      >
        <p>It does not exist, or you do not have access to it.</p>
      </ProblemPage>
    </PlainShell>
  );
}

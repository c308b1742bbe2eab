import Link from "next/link";
import { ProblemPage } from "@/components/ui/problem-page";

export default function UnknownSignInLink() {
  return (
    <ProblemPage
      title="This link is not valid"
      actions={
        <Link className="button button-primary" href="/signin">
          Go to sign in
        </Link>
      }
    >
      <p>It may have been copied incompletely. You can ask for a new sign-in link from the sign-in page.</p>
    </ProblemPage>
  );
}

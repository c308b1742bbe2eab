import { notFound } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { ProblemPage } from "@/components/ui/problem-page";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { inspectSignInLink } from "@/lib/auth/sign-in-links";
import { confirmLinkAction, resendLinkAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · Fieldgate", referrer: "no-referrer" };

// Opening the link only shows this page (mail scanners open links too); the button's
// POST is what signs the person in and uses the link up.
export default async function ConfirmLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await inspectSignInLink(token, await currentRequestMeta());

  // An unknown token answers 404 (./not-found.tsx), as any address that leads nowhere.
  if (link.state === "unknown") notFound();

  if (link.state !== "valid") {
    const why =
      link.state === "used"
        ? "This link has already been used."
        : link.state === "revoked"
          ? "This link has been withdrawn."
          : "This link has expired.";
    return (
      <ProblemPage title={why}>
        <p>Sign-in links work once and for a limited time. We can send a new one to {link.maskedEmail}.</p>
        <ActionForm action={resendLinkAction} successMessage={`A new link is on its way to ${link.maskedEmail}.`}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>Send me a new link</SubmitButton>
        </ActionForm>
      </ProblemPage>
    );
  }

  return (
    <div className="auth-page">
      <section className="card auth-card">
        <h1>Sign in to Fieldgate</h1>
        <p>
          You are signing in as <strong>{link.maskedEmail}</strong>.
        </p>
        <ActionForm action={confirmLinkAction}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>Continue</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}

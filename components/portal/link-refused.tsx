import { ActionForm, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { ProblemPage } from "@/components/ui/problem-page";
import type { TRefusedLink } from "@/lib/portal/resolve-portal-link";

// An expired or withdrawn link: says which, names the organisation and whom to contact,
// and lets the person ask for a new link (the managers are told; nothing is sent by itself).
export function LinkRefused({ link, token, ask }: { link: TRefusedLink; token: string; ask: TFormAction }) {
  const withdrawn = link.refused === "revoked";
  return (
    <ProblemPage
      title={withdrawn ? "This link has been withdrawn" : "This link has expired"}
      testId={withdrawn ? "link-withdrawn" : "link-expired"}
    >
      <p>
        {withdrawn
          ? `${link.organisationName} withdrew this link, so it no longer opens the work order.`
          : `Links from ${link.organisationName} work for a limited time, and this one's time is up.`}
      </p>
      {link.sender && (
        <p>
          Contact {link.sender.name} at {link.organisationName}:{" "}
          <a href={`mailto:${link.sender.email}`}>{link.sender.email}</a>
        </p>
      )}
      <ActionForm
        action={ask}
        successMessage={`${link.organisationName} has been told you asked; they will send you a new link.`}
        testId="ask-new-link"
      >
        <input type="hidden" name="token" value={token} />
        <SubmitButton variant="secondary">Ask for a new link</SubmitButton>
      </ActionForm>
    </ProblemPage>
  );
}

import { notFound, redirect } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { sessionUserId } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getInvitation } from "@/lib/people/invitations";
import { answerInvitationAction } from "../actions";

export const metadata = { title: "Invitation · Fieldgate" };

const ROLE_WORDS = { ADMIN: "an admin", OFFICE: "office staff", TECHNICIAN: "a technician" } as const;

// The invited person decides: accepting adds the role; declining removes the invitation.
export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userId = await sessionUserId();
  if (!userId) redirect(`/signin?next=${encodeURIComponent(`/invitations/${id}`)}`);
  const invitation = await getInvitation(userId, id).catch((error) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) notFound();
    throw error;
  });
  return (
    <div className="auth-page">
      <section className="card auth-card" data-testid="invitation">
        <h1>Join {invitation.contractorCompany.name}?</h1>
        <p>
          {invitation.contractorCompany.name} invites you to work for it on Fieldgate as {ROLE_WORDS[invitation.role]}.
          Until you accept, the company sees only your email address.
        </p>
        <ActionForm action={answerInvitationAction} testId="accept-invitation">
          <input type="hidden" name="personId" value={invitation.id} />
          <input type="hidden" name="answer" value="accept" />
          <SubmitButton>Accept</SubmitButton>
        </ActionForm>
        <ActionForm
          action={answerInvitationAction}
          successMessage="Declined: the company has been told nothing more than that."
          testId="decline-invitation"
        >
          <input type="hidden" name="personId" value={invitation.id} />
          <input type="hidden" name="answer" value="decline" />
          <SubmitButton variant="secondary">Decline</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}

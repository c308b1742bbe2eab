import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";

export const ZAnswerInvitationSchema = z.object({
  personId: ZIdSchema,
  answer: z.enum(["accept", "decline"], { error: "Accept or decline" }),
});

// Only the invited person reaches their invitation, and only while it waits.
const invitationScope = (userId: string, personId: string) => ({ id: personId, userId, acceptedAt: null });

export async function getInvitation(userId: string, personId: string) {
  const invitation = await db.contractorPerson.findFirst({
    where: invitationScope(userId, personId),
    select: { id: true, role: true, contractorCompany: { select: { name: true } } },
  });
  if (!invitation) throw notFound("Invitation");
  return invitation;
}

// Accepting makes the row a role like any other (the company now sees the person's own
// name); declining removes it. Answered twice, the first answer stands.
export async function answerInvitation(userId: string, input: z.infer<typeof ZAnswerInvitationSchema>) {
  if (input.answer === "decline") {
    const removed = await db.contractorPerson.deleteMany({ where: invitationScope(userId, input.personId) });
    if (removed.count === 0) throw notFound("Invitation");
    return { accepted: false, role: null };
  }
  return db.$transaction(async (tx) => {
    const invitation = await tx.contractorPerson.findFirst({ where: invitationScope(userId, input.personId) });
    if (!invitation) throw notFound("Invitation");
    await tx.contractorPerson.update({
      where: { id: invitation.id },
      data: { acceptedAt: new Date(), active: true, invitedName: null },
    });
    return { accepted: true, role: invitation.role };
  });
}
